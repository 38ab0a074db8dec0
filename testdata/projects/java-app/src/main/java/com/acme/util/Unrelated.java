package com.acme.util;

import java.time.Duration;

// A same-named method of an unrelated class, and recursion: both silent.
public class Unrelated {
    public String signedLink(String key, Duration ttl) {
        return "https://cdn.example.com/" + key;
    }

    public String useIt() {
        return signedLink("a", Duration.ofDays(30));
    }

    String recurse(String key, Duration ttl) {
        return recurse(key, ttl.multipliedBy(2));
    }

    public String start() {
        return recurse("k", Duration.ofDays(30));
    }
}
