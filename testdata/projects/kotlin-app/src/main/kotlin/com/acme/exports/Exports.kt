package com.acme.exports

import com.acme.signing.*
import java.time.Duration

// A top-level function of another package through a wildcard import.
fun export(key: String): String =
    presignFor(key, Duration.ofDays(2)) // expect: excessive-expiry

fun notImported(key: String): String =
    signLater(key, Duration.ofDays(2))
