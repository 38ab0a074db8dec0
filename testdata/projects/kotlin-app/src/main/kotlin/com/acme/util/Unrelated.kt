package com.acme.util

import java.time.Duration

// A same-named method of an unrelated class, and recursion: both silent.
class Unrelated {
    fun signedLink(key: String, ttl: Duration): String {
        return "https://cdn.example.com/$key"
    }

    fun useIt(): String {
        return signedLink("a", Duration.ofDays(30))
    }

    fun recurse(key: String, ttl: Duration): String {
        return recurse(key, ttl.multipliedBy(2))
    }

    fun start(): String {
        return recurse("k", Duration.ofDays(30))
    }
}
