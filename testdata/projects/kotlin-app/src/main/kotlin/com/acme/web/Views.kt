package com.acme.web

import com.acme.links.Links
import java.time.Duration
import org.slf4j.LoggerFactory

class Views {
    private val log = LoggerFactory.getLogger(Views::class.java)
    private val links = Links()

    fun one(key: String): String {
        return links.signedLink(key, Duration.ofDays(3)) // expect: excessive-expiry
    }

    fun listing(keys: List<String>) {
        for (k in keys) {
            links.signedLink(k, Duration.ofHours(4)) // expect: excessive-expiry, presign-in-loop
        }
    }

    fun gallery(keys: List<String>): List<String> =
        keys.map { links.signedLink(it, Duration.ofMinutes(30)) } // expect: presign-in-loop

    fun level3(key: String, ttl: Duration): String {
        return links.forwarded(key, ttl)
    }

    fun deep(key: String): String {
        return level3(key, Duration.ofDays(10)) // expect: expiry-exceeds-limit
    }

    fun traced(key: String) {
        val url = links.signedLink(key, Duration.ofMinutes(1))
        log.info("link {}", url) // expect: presigned-url-logged
    }
}
