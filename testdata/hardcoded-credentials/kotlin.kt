import aws.sdk.kotlin.runtime.auth.credentials.StaticCredentialsProvider
import aws.sdk.kotlin.services.s3.S3Client
import aws.smithy.kotlin.runtime.auth.awscredentials.Credentials

// Positives.
suspend fun dsl(): S3Client = S3Client.fromEnvironment {
    region = "eu-west-1"
    credentialsProvider = StaticCredentialsProvider {
        accessKeyId = "AKIAUJZDEGXDNCF32EPF" // expect: hardcoded-credentials
        secretAccessKey = "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"
    }
}

val positional = Credentials("AKIAH2KVJ72CEUVW75EF", "I8ihN5KXSc7Tvo/hBKqFYY/kv5ZJr3J1TWDtkwtD") // expect: hardcoded-credentials

val named = Credentials(
    accessKeyId = "AKIAOA7LQSAJ2XUID5ZZ", // expect: hardcoded-credentials
    secretAccessKey = "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",
)

const val AWS_SECRET_ACCESS_KEY = "yEZDz/TddJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7" // expect: hardcoded-credentials

// Negatives.
val fromEnv = Credentials(System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))
val local = StaticCredentialsProvider {
    accessKeyId = "test"
    secretAccessKey = "test"
}
fun make(id: String, secret: String) = Credentials(id, secret)
val docs = Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
