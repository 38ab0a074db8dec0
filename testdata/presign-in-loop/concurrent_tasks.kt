// A coroutine launched per element presigns once per element, as the loop itself would.
import aws.sdk.kotlin.services.s3.S3Client
import aws.sdk.kotlin.services.s3.model.GetObjectRequest
import aws.sdk.kotlin.services.s3.presigners.presignGetObject
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.launch
import kotlin.time.Duration.Companion.minutes

suspend fun shareAll(s3: S3Client, keys: List<String>) = coroutineScope {
    for (key in keys) {
        launch {
            s3.presignGetObject(GetObjectRequest { bucket = "b"; this.key = key }, 15.minutes) // expect: presign-in-loop
        }
        val link = async { s3.presignGetObject(GetObjectRequest { bucket = "b"; this.key = key }, 15.minutes) } // expect: presign-in-loop
        println(link.isActive)
    }
}

// Negative: one coroutine, outside any loop.
suspend fun shareOne(s3: S3Client, key: String) = coroutineScope {
    launch {
        s3.presignGetObject(GetObjectRequest { bucket = "b"; this.key = key }, 15.minutes)
    }
}
