package com.acme.users;

import com.acme.storage.S3Links;
import java.time.Duration;

public class Avatars {
    private final S3Links s3 = new S3Links();

    public String url(String userId) {
        return s3.presignWithRetry("avatars/" + userId + ".png", Duration.ofMinutes(15), 3);
    }
}
