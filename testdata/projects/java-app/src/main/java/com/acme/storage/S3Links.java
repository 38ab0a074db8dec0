package com.acme.storage;

import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

public class S3Links {
    private final S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_1).build();

    public String presign(String key, Duration ttl) {
        GetObjectRequest g = GetObjectRequest.builder().bucket("media").key(key).build();
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(ttl).getObjectRequest(g).build()).url().toString();
    }

    public String presignCapped(String key, Duration ttl) {
        // The parameter is overridden inside the wrapper: callers do not decide the expiry.
        ttl = Duration.ofMinutes(10);
        GetObjectRequest g = GetObjectRequest.builder().bucket("media").key(key).build();
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(ttl).getObjectRequest(g).build()).url().toString();
    }

    public String presignWithRetry(String key, Duration ttl, int attempts) {
        // Recursive: a transient signing failure is retried with one attempt less.
        try {
            GetObjectRequest g = GetObjectRequest.builder().bucket("media").key(key).build();
            return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(ttl).getObjectRequest(g).build()).url().toString();
        } catch (SdkClientException e) {
            if (attempts <= 1) {
                throw e;
            }
            return presignWithRetry(key, ttl, attempts - 1);
        }
    }
}
