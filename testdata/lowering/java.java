package com.acme.links;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

public class Links {
    static final Duration TTL = Duration.ofMinutes(15);

    private final S3Presigner presigner;

    public Links(S3Presigner presigner) {
        this.presigner = presigner;
    }

    public String share(String key) {
        GetObjectPresignRequest request = GetObjectPresignRequest.builder()
            .signatureDuration(TTL)
            .getObjectRequest(r -> r.bucket("media").key(key))
            .build();
        return presigner.presignGetObject(request).url().toString();
    }

    public int count(List<String> keys) {
        int total = 0;
        for (String key : keys) {
            total += key.length();
        }
        keys.forEach(k -> System.out.println(k.length()));
        return total;
    }
}
