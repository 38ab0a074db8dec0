// expiry-exceeds-limit: Scala expiries past the 7-day SigV4 ceiling (the SDK signer throws).
package com.acme.archive

import java.net.URL
import java.time.Duration
import java.util.Date
import scala.concurrent.duration._
import software.amazon.awssdk.services.s3.model.GetObjectRequest
import software.amazon.awssdk.services.s3.presigner.S3Presigner
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest

object ArchiveLinks {
  val ThirtyDays: Duration = Duration.ofDays(30)
  val Retention = 14.days

  def v2(presigner: S3Presigner, g: GetObjectRequest): URL = {
    val req = GetObjectPresignRequest.builder()
      .signatureDuration(ThirtyDays) // expect: expiry-exceeds-limit
      .getObjectRequest(g)
      .build()
    presigner.presignGetObject(req).url()
  }

  def scalaDuration(presigner: S3Presigner, g: GetObjectRequest): URL = {
    val req = GetObjectPresignRequest.builder()
      .signatureDuration(Duration.ofSeconds(Retention.toSeconds)) // expect: expiry-exceeds-limit
      .getObjectRequest(g)
      .build()
    presigner.presignGetObject(req).url()
  }

  def v1(s3: com.amazonaws.services.s3.AmazonS3, key: String): URL =
    s3.generatePresignedUrl("archive", key, new Date(System.currentTimeMillis() + 8 * 24 * 3600 * 1000L)) // expect: expiry-exceeds-limit

  // Negative: exactly 7 days is the ceiling, not past it (excessive-expiry's, not this lint's).
  def week(presigner: S3Presigner, g: GetObjectRequest): URL = {
    val req = GetObjectPresignRequest.builder()
      .signatureDuration(Duration.ofDays(7)) // expect: excessive-expiry
      .getObjectRequest(g)
      .build()
    presigner.presignGetObject(req).url()
  }
}
