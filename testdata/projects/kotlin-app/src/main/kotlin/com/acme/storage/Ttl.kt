package com.acme.storage

import java.time.Duration

val LINK_TTL: Duration = Duration.ofDays(7)
val SHORT_TTL: Duration = Duration.ofMinutes(5)
