package com.acme.cdn;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;

// CloudFront signer requests, signed by CdnLinks.
public final class CdnRequests {
    private static final Path PRIVATE_KEY = Path.of("/etc/acme/cloudfront/private_key.pem");
    private static final String KEY_PAIR_ID = "K2EXAMPLEKEYPAIR";

    private CdnRequests() {}

    public static CannedSignerRequest video(String path) {
        return CannedSignerRequest.builder()
                .resourceUrl("https://media.example.com/" + path)
                .privateKey(PRIVATE_KEY)
                .keyPairId(KEY_PAIR_ID)
                .expirationDate(Instant.now().plus(Duration.ofDays(30))) // expect: excessive-expiry
                .build();
    }

    public static CannedSignerRequest poster(String path) {
        return CannedSignerRequest.builder()
                .resourceUrl("https://media.example.com/" + path)
                .privateKey(PRIVATE_KEY)
                .keyPairId(KEY_PAIR_ID)
                .expirationDate(Instant.now().plus(Duration.ofMinutes(10)))
                .build();
    }
}
