package com.acme.storage

import java.time.Duration
import software.amazon.awssdk.core.exception.SdkClientException
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.model.GetObjectRequest
import software.amazon.awssdk.services.s3.presigner.S3Presigner
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest

class S3Links {
    private val presigner = S3Presigner.builder().region(Region.EU_WEST_1).build()

    fun presign(key: String, ttl: Duration): String {
        val g = GetObjectRequest.builder().bucket("media").key(key).build()
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(ttl).getObjectRequest(g).build()).url().toString()
    }

    fun presignCapped(key: String, ttl: Duration): String {
        // The parameter is shadowed inside the wrapper: callers do not decide the expiry.
        val ttl = Duration.ofMinutes(10)
        val g = GetObjectRequest.builder().bucket("media").key(key).build()
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(ttl).getObjectRequest(g).build()).url().toString()
    }

    fun presignWithRetry(key: String, ttl: Duration, attempts: Int = 3): String {
        // Recursive: a transient signing failure is retried with one attempt less.
        return try {
            val g = GetObjectRequest.builder().bucket("media").key(key).build()
            presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(ttl).getObjectRequest(g).build()).url().toString()
        } catch (e: SdkClientException) {
            if (attempts <= 1) throw e
            presignWithRetry(key, ttl, attempts - 1)
        }
    }
}
