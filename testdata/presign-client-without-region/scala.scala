// presign-client-without-region: Scala building the AWS SDK for Java 2.x and 1.x clients.
package com.acme.links

import com.amazonaws.services.s3.AmazonS3ClientBuilder
import java.net.URL
import java.util.Date
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.presigner.S3Presigner
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest

class Links {
  def created(request: GetObjectPresignRequest): String = {
    val presigner = S3Presigner.create() // expect: presign-client-without-region
    presigner.presignGetObject(request).url().toString
  }

  def built(request: GetObjectPresignRequest): String = {
    val presigner = S3Presigner.builder().build() // expect: presign-client-without-region
    presigner.presignGetObject(request).url().toString
  }

  def v1(expiration: Date): URL = {
    val s3 = AmazonS3ClientBuilder.standard().build() // expect: presign-client-without-region
    s3.generatePresignedUrl("b", "k", expiration)
  }

  // Negatives: a region on the builder, a v1 region, a presigner passed in.
  def regional(request: GetObjectPresignRequest): String = {
    val presigner = S3Presigner.builder().region(Region.EU_WEST_1).build()
    presigner.presignGetObject(request).url().toString
  }

  def v1Regional(expiration: Date): URL = {
    val s3 = AmazonS3ClientBuilder.standard().withRegion("eu-west-1").build()
    s3.generatePresignedUrl("b", "k", expiration)
  }

  def injected(presigner: S3Presigner, request: GetObjectPresignRequest): String =
    presigner.presignGetObject(request).url().toString
}
