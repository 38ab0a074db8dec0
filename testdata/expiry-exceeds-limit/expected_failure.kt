// Tests that the SDK refuses an expiry over its limit: made to fail, the call signs nothing.
import aws.sdk.kotlin.services.s3.S3Client
import aws.sdk.kotlin.services.s3.model.GetObjectRequest
import aws.sdk.kotlin.services.s3.presigners.presignGetObject
import kotlin.test.assertFailsWith
import kotlin.time.Duration.Companion.days

suspend fun rejectsEightDays(s3: S3Client, req: GetObjectRequest) {
    assertFailsWith<IllegalArgumentException> {
        s3.presignGetObject(req, 8.days)
    }
    val refused = assertFailsWith<IllegalArgumentException>("over a week") { s3.presignGetObject(req, 8.days) }
    println(refused.message)
}

suspend fun signsAfterTheAssertion(s3: S3Client, req: GetObjectRequest) {
    assertFailsWith<IllegalArgumentException> { check(false) }
    s3.presignGetObject(req, 8.days) // expect: expiry-exceeds-limit
}
