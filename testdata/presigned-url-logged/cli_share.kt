// A command-line program (issue 14, item 2): println is for its user; a logger is a log.
import aws.sdk.kotlin.services.s3.S3Client
import aws.sdk.kotlin.services.s3.model.GetObjectRequest
import aws.sdk.kotlin.services.s3.presigners.presignGetObject
import kotlin.time.Duration.Companion.minutes
import org.slf4j.LoggerFactory

private val log = LoggerFactory.getLogger("share")

suspend fun main(args: Array<String>) {
    S3Client.fromEnvironment { region = "eu-west-1" }.use { s3 ->
        val request = s3.presignGetObject(GetObjectRequest { bucket = args[0]; key = args[1] }, 15.minutes)
        println(request.url)
        log.info("presigned {}", request.url) // expect: presigned-url-logged
    }
}
