package com.acme.storage

import java.time.Duration

object Ttl {
  val LinkTtl: Duration = Duration.ofDays(2)
  val ShortTtl: Duration = Duration.ofMinutes(5)
}
