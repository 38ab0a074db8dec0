// presign-in-loop: Scala presigning once per key (for, foreach, map, Future.traverse).
package com.acme.gallery

import java.time.Duration
import scala.concurrent.{ExecutionContext, Future}
import software.amazon.awssdk.services.s3.model.GetObjectRequest
import software.amazon.awssdk.services.s3.presigner.S3Presigner
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest

class Gallery(presigner: S3Presigner, cache: java.util.Map[String, String])(implicit ec: ExecutionContext) {
  private def request(key: String): GetObjectPresignRequest =
    GetObjectPresignRequest.builder()
      .signatureDuration(Duration.ofMinutes(10))
      .getObjectRequest(GetObjectRequest.builder().bucket("gallery").key(key).build())
      .build()

  def forLoop(keys: Seq[String]): Seq[String] = {
    val out = Seq.newBuilder[String]
    for (k <- keys) {
      out += presigner.presignGetObject(request(k)).url().toString // expect: presign-in-loop
    }
    out.result()
  }

  def viaMap(keys: Seq[String]): Seq[String] =
    keys.map(k => presigner.presignGetObject(request(k)).url().toString) // expect: presign-in-loop

  def viaForeach(keys: Seq[String]): Unit =
    keys.foreach { k =>
      cache.put(k, presigner.presignGetObject(request(k)).url().toString) // expect: presign-in-loop
    }

  def viaTraverse(keys: Seq[String]): Future[Seq[String]] =
    Future.traverse(keys)(k => Future(presigner.presignGetObject(request(k)).url().toString)) // expect: presign-in-loop

  // Negative: one URL.
  def one(key: String): String = presigner.presignGetObject(request(key)).url().toString
}
