package com.acme.archive;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.model.GeneratePresignedUrlRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/** Expiries past the 7-day SigV4 ceiling: the SDK signer throws. */
class ArchiveLinks {
    static final Duration THIRTY_DAYS = Duration.ofDays(30);
    static final long ONE_WEEK_MS = 7L * 24 * 60 * 60 * 1000;

    URL v2(S3Presigner presigner, GetObjectRequest g) {
        GetObjectPresignRequest req = GetObjectPresignRequest.builder()
                .signatureDuration(THIRTY_DAYS) // expect: expiry-exceeds-limit
                .getObjectRequest(g)
                .build();
        return presigner.presignGetObject(req).url();
    }

    URL v2Lambda(S3Presigner presigner, GetObjectRequest g) {
        return presigner.presignGetObject(r -> r.getObjectRequest(g).signatureDuration(Duration.ofDays(8))).url(); // expect: expiry-exceeds-limit
    }

    URL v1(AmazonS3 s3, String bucket, String key) {
        return s3.generatePresignedUrl(bucket, key, new Date(System.currentTimeMillis() + ONE_WEEK_MS + 1000)); // expect: expiry-exceeds-limit
    }

    URL v1Request(AmazonS3 s3, String bucket, String key) {
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(bucket, key)
                .withExpiration(Date.from(Instant.now().plus(14, ChronoUnit.DAYS))); // expect: expiry-exceeds-limit
        return s3.generatePresignedUrl(request);
    }

    URL exactlySevenDays(S3Presigner presigner, GetObjectRequest g) {
        // The maximum itself is accepted: over policy, not over the limit.
        return presigner.presignGetObject(b -> b.signatureDuration(Duration.ofDays(7)).getObjectRequest(g)).url(); // expect: excessive-expiry
    }
}
