package com.acme.traps;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.jsonwebtoken.Jwts;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import javax.servlet.http.Cookie;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/** Long durations that are not presigned URL expiries: all silent. */
public class NotPresign {

    private Duration cacheTtl = Duration.ofDays(30);

    // A JWT valid for a week is not a presigned URL.
    String token(String subject) {
        return Jwts.builder()
                .setSubject(subject)
                .setExpiration(new Date(System.currentTimeMillis() + 604800000))
                .compact();
    }

    // A week-long cookie.
    Cookie rememberMe(String value) {
        Cookie cookie = new Cookie("remember", value);
        cookie.setMaxAge(604800);
        return cookie;
    }

    // A cache, a lifecycle rule and an HTTP client with day-long durations.
    Object cache() {
        return Caffeine.newBuilder().expireAfterWrite(7, TimeUnit.DAYS).build();
    }

    LifecycleRule lifecycle() {
        return LifecycleRule.builder().expiration(LifecycleExpiration.builder().days(365).build()).build();
    }

    HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofDays(1)).build();
    }

    // A method *named* like the SDK's, declared here: a declaration is not a presign call.
    public URL presignGetObject(String key, Duration signatureDuration) {
        return null;
    }

    // A non-final field can be reassigned anywhere: its initializer is not folded.
    URL fromField(S3Presigner presigner, GetObjectPresignRequest.Builder b) {
        return presigner.presignGetObject(b.signatureDuration(cacheTtl).build()).url();
    }

    // The duration is a parameter: dynamic.
    URL parameter(S3Presigner presigner, Duration ttl) {
        return presigner.presignGetObject(r -> r.signatureDuration(ttl)).url();
    }

    // An Instant is immutable: a shift whose result is dropped changes nothing (15 minutes).
    URL droppedShift(com.amazonaws.services.s3.AmazonS3 s3) {
        java.time.Instant until = java.time.Instant.now().plusSeconds(900);
        until.plusSeconds(86_400);
        return s3.generatePresignedUrl("bucket", "key", Date.from(until));
    }

    // In a comment: presigner.presignGetObject(r -> r.signatureDuration(Duration.ofDays(30)));
    /* s3.generatePresignedUrl(bucket, key, new Date(System.currentTimeMillis() + 86400000L)); */

    // A loop accumulating milliseconds: not a constant.
    URL accumulated(com.amazonaws.services.s3.AmazonS3 s3, int days) {
        long ms = System.currentTimeMillis();
        for (int i = 0; i < days; i++) {
            ms += 86_400_000L;
        }
        return s3.generatePresignedUrl("bucket", "key", new Date(ms));
    }

    // A Polly presigner is not S3 (its method carries another name).
    Object polly(Object pollyPresigner) {
        return pollyPresigner.toString();
    }
}
