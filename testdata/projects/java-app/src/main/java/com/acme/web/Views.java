package com.acme.web;

import com.acme.links.Links;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class Views {
    private static final Logger log = LoggerFactory.getLogger(Views.class);
    private final Links links = new Links();

    public String one(String key) {
        return links.signedLink(key, Duration.ofDays(3)); // expect: excessive-expiry
    }

    public void listing(List<String> keys) {
        for (String k : keys) {
            links.signedLink(k, Duration.ofHours(4)); // expect: excessive-expiry, presign-in-loop
        }
    }

    public List<String> gallery(List<String> keys) {
        return keys.stream()
                .map(k -> links.signedLink(k, Duration.ofMinutes(30))) // expect: presign-in-loop
                .toList();
    }

    String level3(String key, Duration ttl) {
        return links.forwarded(key, ttl);
    }

    public String deep(String key) {
        return level3(key, Duration.ofDays(10)); // expect: expiry-exceeds-limit
    }

    public String preview(String key) {
        // The one-argument overload fixes its own 10 hours: reported once, where it is written.
        return links.signedLink(key);
    }

    public void traced(String key) {
        String url = links.signedLink(key, Duration.ofMinutes(1));
        log.info("link {}", url); // expect: presigned-url-logged
    }
}
