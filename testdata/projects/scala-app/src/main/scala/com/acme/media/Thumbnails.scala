package com.acme.media

import com.acme.storage._
import java.time.Duration
import java.util.concurrent.TimeUnit
import scala.concurrent.duration._
import com.github.benmanes.caffeine.cache.Caffeine

// Negatives and traps: a short expiry, a wrapper that caps the expiry, 7 days of cache.
class Thumbnails {
  private val s3 = new S3Links()
  private val cache = Caffeine.newBuilder().expireAfterWrite(7.days.toSeconds, TimeUnit.SECONDS).build[String, String]()

  def thumb(key: String): String = s3.presign(key, Duration.ofMinutes(10))

  def capped(key: String): String = s3.presignCapped(key, Duration.ofDays(30))

  def short(key: String): String = s3.presign(key, Ttl.ShortTtl)
}
