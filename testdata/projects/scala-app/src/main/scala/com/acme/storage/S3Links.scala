package com.acme.storage

import java.time.Duration
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.model.GetObjectRequest
import software.amazon.awssdk.services.s3.presigner.S3Presigner
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest

class S3Links {
  private val presigner = S3Presigner.builder().region(Region.EU_WEST_1).build()

  def presign(key: String, ttl: Duration): String = {
    val g = GetObjectRequest.builder().bucket("media").key(key).build()
    presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(ttl).getObjectRequest(g).build()).url().toString
  }

  def presignCapped(key: String, ttl: Duration): String = {
    // The wrapper decides: callers' ttl is ignored.
    val g = GetObjectRequest.builder().bucket("media").key(key).build()
    presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(Duration.ofMinutes(10)).getObjectRequest(g).build()).url().toString
  }
}
