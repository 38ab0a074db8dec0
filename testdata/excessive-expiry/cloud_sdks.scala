// Azure SAS, GCS, MinIO and Spring Cloud AWS called from Scala.
package com.acme.cloud

import com.azure.storage.blob.BlobClient
import com.azure.storage.blob.sas.{BlobSasPermission, BlobServiceSasSignatureValues}
import com.google.cloud.storage.{BlobInfo, Storage}
import io.awspring.cloud.s3.S3Template
import io.minio.{GetPresignedObjectUrlArgs, MinioClient}
import io.minio.http.Method
import java.net.URL
import java.time.{Duration, OffsetDateTime}
import java.util.concurrent.TimeUnit

class CloudSdks {
  def azure(blobClient: BlobClient): String = {
    val values = new BlobServiceSasSignatureValues(OffsetDateTime.now().plusDays(7), new BlobSasPermission().setReadPermission(true)) // expect: excessive-expiry
    blobClient.generateSas(values)
  }

  def azureShort(blobClient: BlobClient): String =
    blobClient.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusMinutes(15), new BlobSasPermission().setReadPermission(true)))

  def gcsV4(storage: Storage, blobInfo: BlobInfo): URL =
    storage.signUrl(blobInfo, 14, TimeUnit.DAYS, Storage.SignUrlOption.withV4Signature()) // expect: expiry-exceeds-limit

  def gcsV2(storage: Storage, blobInfo: BlobInfo): URL =
    storage.signUrl(blobInfo, 2, TimeUnit.HOURS) // expect: excessive-expiry

  def gcsShort(storage: Storage, blobInfo: BlobInfo): URL =
    storage.signUrl(blobInfo, 15, TimeUnit.MINUTES, Storage.SignUrlOption.withV4Signature())

  def minio(minioClient: MinioClient): String =
    minioClient.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET).bucket("b").`object`("o").expiry(2, TimeUnit.DAYS).build()) // expect: excessive-expiry

  def spring(s3Template: S3Template): URL =
    s3Template.createSignedGetURL("b", "k", Duration.ofDays(2)) // expect: excessive-expiry

  def springShort(s3Template: S3Template): URL =
    s3Template.createSignedPutURL("b", "k", Duration.ofMinutes(10))
}
