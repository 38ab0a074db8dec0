// excessive-expiry: Scala durations handed to the Java SDKs, and clocks read without parentheses.
package com.acme.photos

import java.time.ZonedDateTime
import java.util.Date
import com.amazonaws.services.s3.AmazonS3
import scala.concurrent.duration._
import scala.jdk.DurationConverters._
import software.amazon.awssdk.services.s3.model.GetObjectRequest
import software.amazon.awssdk.services.s3.presigner.S3Presigner
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest

class Converted(presigner: S3Presigner, client: AmazonS3) {
  def toJava(get: GetObjectRequest) =
    presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(12.hours.toJava).getObjectRequest(get).build()) // expect: excessive-expiry

  def converter(get: GetObjectRequest) =
    presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(scala.jdk.javaapi.DurationConverters.toJava(12.hours)).getObjectRequest(get).build()) // expect: excessive-expiry

  def nanos(get: GetObjectRequest) =
    presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(java.time.Duration.ofNanos(12.hours.toNanos)).getObjectRequest(get).build()) // expect: excessive-expiry

  def parenless(key: String) =
    client.generatePresignedUrl("b", key, Date.from(ZonedDateTime.now.plusHours(12).toInstant)) // expect: excessive-expiry

  def joda(key: String) =
    client.generatePresignedUrl("b", key, org.joda.time.DateTime.now.plusHours(12).toDate) // expect: excessive-expiry

  // Negatives: the same shapes, short.
  def shortToJava(get: GetObjectRequest) =
    presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(10.minutes.toJava).getObjectRequest(get).build())

  def shortParenless(key: String) =
    client.generatePresignedUrl("b", key, Date.from(ZonedDateTime.now.plusMinutes(10).toInstant))

  // Trap: a cache's duration converted the same way is no presign expiry.
  def cacheFor(cache: com.github.benmanes.caffeine.cache.Caffeine[Any, Any]) =
    cache.expireAfterWrite(12.hours.toJava)
}
