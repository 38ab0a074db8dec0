package com.acme.links;

import com.amazonaws.services.s3.AmazonS3;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/** Duration idioms folded to their value (issue 14, item 8). */
public class DurationLinks {
    private static final long LINK_SECONDS = Duration.ofHours(6).toSeconds();

    private final AmazonS3 s3;
    private final S3Presigner presigner;

    DurationLinks(AmazonS3 s3, S3Presigner presigner) {
        this.s3 = s3;
        this.presigner = presigner;
    }

    URL millis(String key) {
        return s3.generatePresignedUrl("media", key, new Date(System.currentTimeMillis() + Duration.ofHours(5).toMillis())); // expect: excessive-expiry
    }

    URL toSeconds(String key) {
        return s3.generatePresignedUrl("media", key, Date.from(Instant.now().plusSeconds(Duration.ofHours(5).toSeconds()))); // expect: excessive-expiry
    }

    URL getSeconds(String key) {
        return s3.generatePresignedUrl("media", key, Date.from(Instant.now().plusSeconds(Duration.ofDays(2).getSeconds()))); // expect: excessive-expiry
    }

    URL constant(String key) {
        return s3.generatePresignedUrl("media", key, Date.from(Instant.now().plusSeconds(LINK_SECONDS))); // expect: excessive-expiry
    }

    URL timeUnit(String key) {
        return s3.generatePresignedUrl("media", key, new Date(System.currentTimeMillis() + TimeUnit.HOURS.toMillis(5))); // expect: excessive-expiry
    }

    URL v2(String key) {
        GetObjectPresignRequest request = GetObjectPresignRequest.builder()
                .signatureDuration(Duration.ofSeconds(Duration.ofDays(2).toSeconds())) // expect: excessive-expiry
                .build();
        return presigner.presignGetObject(request).url();
    }

    // --- Traps: all silent. ---

    URL shortMillis(String key) {
        return s3.generatePresignedUrl("media", key, new Date(System.currentTimeMillis() + Duration.ofMinutes(10).toMillis()));
    }

    URL shortUnit(String key) {
        return s3.generatePresignedUrl("media", key, new Date(System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(15)));
    }

    URL toHoursIsNotSeconds(String key) {
        // 5 hours read in hours is 5, added as seconds.
        return s3.generatePresignedUrl("media", key, Date.from(Instant.now().plusSeconds(Duration.ofHours(5).toHours())));
    }
}
