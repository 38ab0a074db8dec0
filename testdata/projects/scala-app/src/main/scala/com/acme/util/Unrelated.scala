package com.acme.util

import scala.concurrent.duration._

// Not a presign: an Akka-style ask timeout and a retention setting.
object Unrelated {
  val Retention = 30.days
  def presign(key: String, ttl: FiniteDuration): String = s"$key:${ttl.toSeconds}"
  def use(): String = presign("a", 365.days)
}
