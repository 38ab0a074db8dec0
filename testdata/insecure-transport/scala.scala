// insecure-transport: Scala building AWS SDK for Java 2.x presigners that sign plain-HTTP URLs.
package com.acme.storage

import java.net.URI
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.presigner.S3Presigner
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest

object Media {
  def mediaLink(request: GetObjectPresignRequest): String = {
    val presigner = S3Presigner.builder()
      .region(Region.EU_WEST_1)
      .endpointOverride(URI.create("http://s3.eu-west-1.amazonaws.com")) // expect: insecure-transport@error
      .build()
    presigner.presignGetObject(request).url().toString
  }

  def devLink(request: GetObjectPresignRequest): String = {
    val presigner = S3Presigner.builder()
      .region(Region.US_EAST_1)
      .endpointOverride(URI.create("http://localstack:4566")) // expect: insecure-transport@note
      .build()
    presigner.presignGetObject(request).url().toString
  }

  // Negatives: an https endpoint; a presigner passed in.
  def secureLink(request: GetObjectPresignRequest): String = {
    val presigner = S3Presigner.builder()
      .region(Region.EU_WEST_1)
      .endpointOverride(URI.create("https://s3.eu-west-1.amazonaws.com"))
      .build()
    presigner.presignGetObject(request).url().toString
  }

  def injected(presigner: S3Presigner, request: GetObjectPresignRequest): String =
    presigner.presignGetObject(request).url().toString
}
