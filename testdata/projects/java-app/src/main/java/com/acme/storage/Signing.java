package com.acme.storage;

import java.time.Duration;

// Static methods other classes import with a wildcard.
public final class Signing {
    private static final S3Links LINKS = new S3Links();

    private Signing() {}

    public static String presignFor(String key, Duration ttl) {
        return LINKS.presign(key, ttl);
    }
}
