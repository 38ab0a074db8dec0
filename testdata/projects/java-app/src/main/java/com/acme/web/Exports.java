package com.acme.web;

import static com.acme.storage.Signing.*;

import java.time.Duration;

// A static method through a wildcard static import: `presignFor` is `Signing.presignFor`.
public class Exports {
    public String export(String key) {
        return presignFor(key, Duration.ofDays(2)); // expect: excessive-expiry
    }

    public String notImported(String key) {
        return signLater(key, Duration.ofDays(2));
    }
}
