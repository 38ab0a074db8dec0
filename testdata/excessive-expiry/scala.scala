// excessive-expiry: Scala calling the AWS SDK for Java 2.x and 1.x, Azure, GCS and MinIO.
package com.acme.photos

import java.net.URL
import java.time.{Duration, Instant}
import java.util.Date
import java.util.concurrent.TimeUnit
import scala.concurrent.duration._
import software.amazon.awssdk.services.s3.presigner.S3Presigner
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest
import software.amazon.awssdk.services.s3.model.GetObjectRequest

object Links {
  val Ttl: FiniteDuration = 7.days
  final val MaxAgeSeconds = 3600 * 24
}

class PhotoLinks(presigner: S3Presigner, s3: com.amazonaws.services.s3.AmazonS3) {

  def download(key: String): URL = {
    val get = GetObjectRequest.builder().bucket("photos").key(key).build()
    val request = GetObjectPresignRequest.builder()
      .signatureDuration(Duration.ofHours(12)) // expect: excessive-expiry
      .getObjectRequest(get)
      .build()
    presigner.presignGetObject(request).url()
  }

  def consumer(get: GetObjectRequest): URL =
    presigner.presignGetObject((r: GetObjectPresignRequest.Builder) =>
      r.signatureDuration(Duration.ofSeconds(Links.Ttl.toSeconds)).getObjectRequest(get)).url() // expect: excessive-expiry

  def viaScalaDuration(get: GetObjectRequest): URL = {
    val ttl = 2.hours
    val request = GetObjectPresignRequest.builder()
      .signatureDuration(Duration.ofMillis(ttl.toMillis)) // expect: excessive-expiry
      .getObjectRequest(get)
      .build()
    presigner.presignGetObject(request).url()
  }

  def viaTimeUnit(get: GetObjectRequest): URL = {
    val ttl = scala.concurrent.duration.Duration(3, TimeUnit.DAYS)
    val request = GetObjectPresignRequest.builder()
      .signatureDuration(Duration.ofSeconds(ttl.toSeconds)) // expect: excessive-expiry
      .getObjectRequest(get)
      .build()
    presigner.presignGetObject(request).url()
  }

  // AWS SDK for Java 1.x: an absolute java.util.Date.
  def legacy(key: String): URL = {
    val expiration = new java.util.Date(System.currentTimeMillis() + 3600 * 1000 * 24)
    s3.generatePresignedUrl("photos", key, expiration) // expect: excessive-expiry
  }

  def legacyConstant(key: String): URL =
    s3.generatePresignedUrl("photos", key, new Date(System.currentTimeMillis() + Links.MaxAgeSeconds * 1000L)) // expect: excessive-expiry

  def finite(get: GetObjectRequest): URL = {
    val window = FiniteDuration(36, "hours")
    val request = GetObjectPresignRequest.builder()
      .signatureDuration(Duration.ofSeconds(window.toSeconds)) // expect: excessive-expiry
      .getObjectRequest(get)
      .build()
    presigner.presignGetObject(request).url()
  }

  // Negatives: within the hour.
  def short(get: GetObjectRequest): URL = {
    val request = GetObjectPresignRequest.builder()
      .signatureDuration(Duration.ofMinutes(10))
      .getObjectRequest(get)
      .build()
    presigner.presignGetObject(request).url()
  }

  def shortLegacy(key: String): URL =
    s3.generatePresignedUrl("photos", key, new Date(System.currentTimeMillis() + 15.minutes.toMillis))
}
