package com.acme.signing

import com.acme.storage.S3Links
import java.time.Duration

// Top-level functions other packages import with a wildcard.
private val links = S3Links()

fun presignFor(key: String, ttl: Duration): String = links.presign(key, ttl)
