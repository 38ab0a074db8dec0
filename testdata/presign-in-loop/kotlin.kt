// Presign calls that run once per element, and look-alikes that must stay silent.
package share

import aws.sdk.kotlin.services.s3.S3Client
import aws.sdk.kotlin.services.s3.model.GetObjectRequest
import aws.sdk.kotlin.services.s3.model.UploadPartRequest
import aws.sdk.kotlin.services.s3.presigners.presignGetObject
import aws.sdk.kotlin.services.s3.presigners.presignUploadPart
import kotlin.time.Duration.Companion.minutes

class Gallery(private val s3: S3Client) {
    fun request(key: String) = GetObjectRequest { bucket = "media"; this.key = key }

    suspend fun links(keys: List<String>) = keys.map { s3.presignGetObject(request(it), 10.minutes) } // expect: presign-in-loop

    suspend fun byKey(keys: List<String>) = keys.associateWith { s3.presignGetObject(request(it), 10.minutes) } // expect: presign-in-loop

    suspend fun each(keys: List<String>) {
        for (key in keys) {
            s3.presignGetObject(request(key), 10.minutes) // expect: presign-in-loop
        }
        keys.forEach { key -> s3.presignGetObject(request(key), 10.minutes) } // expect: presign-in-loop
        repeat(3) { s3.presignGetObject(request("copy-$it"), 10.minutes) } // expect: presign-in-loop
        var i = 0
        while (i < keys.size) {
            s3.presignGetObject(request(keys[i++]), 10.minutes) // expect: presign-in-loop
        }
    }

    // A batch helper by its name.
    suspend fun presignAll(key: String) = s3.presignGetObject(request(key), 10.minutes) // expect: presign-in-loop

    // --- Precision traps: all silent. ---

    // One URL per request.
    suspend fun download(key: String) = s3.presignGetObject(request(key), 5.minutes).url.toString()

    // A lambda created in a loop but not called by it.
    fun handlers(keys: List<String>): List<suspend () -> Unit> {
        val out = mutableListOf<suspend () -> Unit>()
        for (key in keys) {
            out.add { s3.presignGetObject(request(key), 5.minutes) }
        }
        return out
    }

    // Non-presign calls in a loop.
    suspend fun other(keys: List<String>) {
        for (key in keys) {
            s3.headObject { bucket = "media"; this.key = key }
        }
    }

    // The parts of one multipart upload are presigned together by design.
    suspend fun parts(id: String, count: Int) = (1..count).map { n ->
        s3.presignUploadPart(UploadPartRequest { bucket = "media"; key = "big"; uploadId = id; partNumber = n }, 10.minutes)
    }
}
