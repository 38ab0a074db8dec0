package com.acme.links

import com.acme.storage.S3Links
import java.time.Duration

// A wrapper of a wrapper, in another package.
class Links {
  private val s3 = new S3Links()

  def signedLink(key: String, ttl: Duration): String = s3.presign(key, ttl)

  def forwarded(key: String, ttl: Duration): String = signedLink(key, ttl)
}
