package com.acme.storage;

import java.time.Duration;

public final class Ttl {
    public static final Duration LINK_TTL = Duration.ofDays(7);
    public static final Duration SHORT_TTL = Duration.ofMinutes(5);

    private Ttl() {}
}
