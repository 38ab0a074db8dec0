package com.acme.storage

import java.time.Duration

// An object whose members other files import with a wildcard.
object Signing {
  private val links = new S3Links()

  def presignFor(key: String, ttl: Duration): String = links.presign(key, ttl)
}
