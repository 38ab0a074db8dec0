package com.acme.links;

import java.net.URL;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/** Defaults behind a lookup (issue 14, item 7). */
public class EnvLinks {
    @Value("${links.ttl-seconds:86400}")
    private long ttlSeconds;

    @Value("${links.max-seconds:864000}")
    private long maxSeconds;

    @Value("${links.short-seconds:900}")
    private long shortSeconds;

    @Value("${links.required-seconds}")
    private long requiredSeconds;

    private S3Presigner presigner;

    URL spring(String key) {
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(Duration.ofSeconds(ttlSeconds)).build()).url(); // expect: excessive-expiry
    }

    URL springOverLimit(String key) {
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(Duration.ofSeconds(maxSeconds)).build()).url(); // expect: expiry-exceeds-limit
    }

    URL environment(String key) {
        long ttl = Long.parseLong(System.getenv().getOrDefault("URL_TTL", "21600"));
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(Duration.ofSeconds(ttl)).build()).url(); // expect: excessive-expiry
    }

    URL property(String key) {
        long ttl = Long.parseLong(System.getProperty("links.ttl", "7200"));
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(Duration.ofSeconds(ttl)).build()).url(); // expect: excessive-expiry
    }

    URL optional(String key) {
        long ttl = Optional.ofNullable(System.getenv("URL_TTL")).map(Long::parseLong).orElse(10800L);
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(Duration.ofSeconds(ttl)).build()).url(); // expect: excessive-expiry
    }

    // --- Traps: all silent. ---

    URL short_(String key) {
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(Duration.ofSeconds(shortSeconds)).build()).url();
    }

    URL required(String key) {
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(Duration.ofSeconds(requiredSeconds)).build()).url();
    }

    URL unset(String key) {
        long ttl = Long.parseLong(System.getenv("URL_TTL"));
        return presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(Duration.ofSeconds(ttl)).build()).url();
    }
}
