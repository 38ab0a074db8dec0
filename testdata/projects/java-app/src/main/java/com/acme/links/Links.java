package com.acme.links;

import static com.acme.storage.Ttl.LINK_TTL;

import com.acme.storage.S3Links;
import com.acme.storage.Ttl;
import java.time.Duration;

public class Links {
    private final S3Links s3 = new S3Links();

    public String signedLink(String key, Duration ttl) {
        return s3.presign(key, ttl);
    }

    // An overload with a fixed validity: Java picks the overload by its arguments, so a
    // one-argument call reaches this one, and the two-argument calls the one above.
    public String signedLink(String key) {
        return signedLink(key, Duration.ofHours(10)); // expect: excessive-expiry
    }

    public String share(String key) {
        return signedLink(key, LINK_TTL); // expect: excessive-expiry
    }

    public String shareShort(String key) {
        return signedLink(key, Ttl.SHORT_TTL);
    }

    public String shareQualified(String key) {
        return signedLink(key, Ttl.LINK_TTL); // expect: excessive-expiry
    }

    public String capped(String key) {
        return s3.presignCapped(key, Duration.ofDays(30));
    }

    public String forwarded(String key, Duration ttl) {
        // A value from an unknown source stays dynamic.
        return signedLink(key, ttl);
    }
}
