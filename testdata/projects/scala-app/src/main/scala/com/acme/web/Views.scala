package com.acme.web

import com.acme.links.Links
import com.acme.storage.Ttl
import java.time.Duration
import org.slf4j.LoggerFactory

class Views {
  private val log = LoggerFactory.getLogger(classOf[Views])
  private val links = new Links()

  def one(key: String): String =
    links.signedLink(key, Duration.ofDays(3)) // expect: excessive-expiry

  def constant(key: String): String =
    links.signedLink(key, Ttl.LinkTtl) // expect: excessive-expiry

  def listing(keys: Seq[String]): Unit =
    for (k <- keys) {
      links.signedLink(k, Duration.ofHours(4)) // expect: excessive-expiry, presign-in-loop
    }

  def gallery(keys: Seq[String]): Seq[String] =
    keys.map(k => links.signedLink(k, Ttl.ShortTtl)) // expect: presign-in-loop

  def deep(key: String): String =
    links.forwarded(key, Duration.ofDays(10)) // expect: expiry-exceeds-limit

  def traced(key: String): Unit = {
    val url = links.signedLink(key, Duration.ofMinutes(1))
    log.info(s"link $url") // expect: presigned-url-logged
  }
}
