// Presigned URLs written to output or logs, and look-alikes that must stay silent.
package share

import aws.sdk.kotlin.services.s3.S3Client
import aws.sdk.kotlin.services.s3.model.GetObjectRequest
import aws.sdk.kotlin.services.s3.presigners.presignGetObject
import kotlin.time.Duration.Companion.minutes
import org.slf4j.LoggerFactory

class Share(private val s3: S3Client) {
    private val logger = LoggerFactory.getLogger(Share::class.java)

    suspend fun share(key: String): String {
        val presigned = s3.presignGetObject(GetObjectRequest { bucket = "media"; this.key = key }, 10.minutes)
        val url = presigned.url.toString()
        println(url) // expect: presigned-url-logged
        println("link: $url") // expect: presigned-url-logged
        println("link: ${presigned.url}") // expect: presigned-url-logged
        logger.info("link: " + url) // expect: presigned-url-logged
        System.out.println(url) // expect: presigned-url-logged
        return url
    }

    // --- Precision traps: all silent. ---

    suspend fun handler(key: String): String {
        val presigned = s3.presignGetObject(GetObjectRequest { bucket = "media"; this.key = key }, 5.minutes)
        println("presigned $key for 5 minutes")
        logger.info("method {}", presigned.method)
        return presigned.url.toString()
    }

    fun publicLink(key: String) {
        val url = "https://media.example.com/$key"
        println(url)
        println("escaped \$url")
    }
}
