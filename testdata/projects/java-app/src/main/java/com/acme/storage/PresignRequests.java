package com.acme.storage;

import java.time.Duration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

// Builds the presign-only requests; the presigner that signs them lives elsewhere.
public final class PresignRequests {
    private PresignRequests() {}

    public static GetObjectPresignRequest download(String bucket, String key) {
        GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key(key).build();
        return GetObjectPresignRequest.builder()
                .signatureDuration(Duration.ofDays(2)) // expect: excessive-expiry
                .getObjectRequest(get)
                .build();
    }

    public static GetObjectPresignRequest preview(String bucket, String key) {
        GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key(key).build();
        return GetObjectPresignRequest.builder()
                .signatureDuration(Duration.ofMinutes(10))
                .getObjectRequest(get)
                .build();
    }

    // Part of the library's public API: callers outside this repository presign it.
    public static PutObjectPresignRequest upload(String bucket, String key) {
        PutObjectRequest put = PutObjectRequest.builder().bucket(bucket).key(key).build();
        PutObjectPresignRequest.Builder builder = PutObjectPresignRequest.builder();
        builder.signatureDuration(Duration.ofHours(12)); // expect: excessive-expiry
        return builder.putObjectRequest(put).build();
    }
}
