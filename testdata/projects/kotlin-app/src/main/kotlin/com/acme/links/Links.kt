package com.acme.links

import com.acme.storage.LINK_TTL
import com.acme.storage.S3Links
import com.acme.storage.SHORT_TTL
import java.time.Duration

class Links {
    private val s3 = S3Links()

    fun signedLink(key: String, ttl: Duration = Duration.ofHours(10)): String {
        return s3.presign(key, ttl)
    }

    fun share(key: String): String {
        return signedLink(key, LINK_TTL) // expect: excessive-expiry
    }

    fun shareDefault(key: String): String {
        return signedLink(key) // expect: excessive-expiry
    }

    fun shareShort(key: String): String {
        return signedLink(key, SHORT_TTL)
    }

    fun capped(key: String): String {
        return s3.presignCapped(key, Duration.ofDays(30))
    }

    fun forwarded(key: String, ttl: Duration): String {
        // A value from an unknown source stays dynamic.
        return signedLink(key, ttl)
    }
}
