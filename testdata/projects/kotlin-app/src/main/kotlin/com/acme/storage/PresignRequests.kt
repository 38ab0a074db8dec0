package com.acme.storage

import java.time.Duration
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest

// Builds the presign-only requests; the presigner that signs them lives elsewhere.
object PresignRequests {
    fun download(bucket: String, key: String): GetObjectPresignRequest =
        GetObjectPresignRequest.builder()
            .signatureDuration(Duration.ofHours(6)) // expect: excessive-expiry
            .getObjectRequest { it.bucket(bucket).key(key) }
            .build()

    fun preview(bucket: String, key: String): GetObjectPresignRequest =
        GetObjectPresignRequest.builder()
            .signatureDuration(Duration.ofMinutes(10))
            .getObjectRequest { it.bucket(bucket).key(key) }
            .build()
}
