package com.acme.links

import java.time.Duration
import software.amazon.awssdk.services.s3.presigner.S3Presigner
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest

object Links {
  val Ttl: Duration = Duration.ofMinutes(15)

  def share(presigner: S3Presigner, key: String, ttl: Duration = Ttl): String = {
    val request = GetObjectPresignRequest.builder()
      .signatureDuration(ttl)
      .getObjectRequest(r => r.bucket("media").key(key))
      .build()
    presigner.presignGetObject(request).url().toString
  }

  def names(keys: Seq[String]): Seq[String] = {
    for (key <- keys) {
      println(key.length)
    }
    keys.map { case k => k.trim }
  }
}
