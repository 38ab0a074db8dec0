// Kotlin calls the Java SDKs (issue 15): Spring Cloud AWS, Azure SAS, GCS.
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues
import io.awspring.cloud.s3.S3Template
import java.time.Duration
import java.time.OffsetDateTime
import java.util.concurrent.TimeUnit

class CloudSdks(private val s3Template: S3Template) {
    fun spring(key: String) = s3Template.createSignedGetURL("b", key, Duration.ofDays(3)) // expect: excessive-expiry

    fun springShort(key: String) = s3Template.createSignedGetURL("b", key, Duration.ofMinutes(10))

    fun azure(client: BlobClient): String {
        val values = BlobServiceSasSignatureValues(OffsetDateTime.now().plusDays(2), BlobSasPermission().setReadPermission(true)) // expect: excessive-expiry
        return client.generateSas(values)
    }

    fun gcs(storage: Storage, info: BlobInfo) = storage.signUrl(info, 8, TimeUnit.DAYS, Storage.SignUrlOption.withV4Signature()) // expect: expiry-exceeds-limit

    // Trap: a cache's TimeUnit.
    fun trap(cache: Cache) = cache.put("k", "v", 30, TimeUnit.DAYS)
}
