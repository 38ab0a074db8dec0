// presign-in-loop: a for-comprehension over a collection runs its body per element; one over a
// Try, Future, Option or Either sequences a computation that runs once.
package com.acme.gallery

import java.time.Duration
import scala.concurrent.{ExecutionContext, Future}
import scala.util.Try
import software.amazon.awssdk.services.s3.model.GetObjectRequest
import software.amazon.awssdk.services.s3.presigner.S3Presigner
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest

class Links(presigner: S3Presigner)(implicit ec: ExecutionContext) {
  private def request(key: String): GetObjectPresignRequest =
    GetObjectPresignRequest.builder()
      .signatureDuration(Duration.ofMinutes(10))
      .getObjectRequest(GetObjectRequest.builder().bucket("gallery").key(key).build())
      .build()

  def all(keys: Seq[String]): Seq[String] =
    for (k <- keys) yield presigner.presignGetObject(request(k)).url().toString // expect: presign-in-loop

  def pairs(albums: Map[String, Seq[String]]): Seq[String] =
    for {
      (album, keys) <- albums.toSeq
      k <- keys
    } yield presigner.presignGetObject(request(s"$album/$k")).url().toString // expect: presign-in-loop

  // Negatives: sequencing, run once.
  def one(key: String): Either[Throwable, String] =
    for {
      r <- Try(request(key)).toEither
      url <- Try(presigner.presignGetObject(r).url().toString).toEither
    } yield url

  def later(key: String): Future[String] =
    for {
      r <- Future(request(key))
      url <- Future(presigner.presignGetObject(r).url().toString)
    } yield url

  def declared(key: String, check: String => Either[Throwable, Boolean]): Either[Throwable, String] =
    for {
      ok <- check(key)
      _ <- if (ok) Right(()) else Left(new IllegalStateException(key))
    } yield presigner.presignGetObject(request(key)).url().toString

  def branch(key: String, exists: String => Either[Throwable, Boolean]) =
    for {
      found <- exists(key)
      _ <- if (found) Right(()) else Left(new IllegalStateException(key))
    } yield presigner.presignGetObject(request(key)).url().toString

  def maybe(key: Option[String]): Option[String] =
    for {
      k <- key
      r <- Option(request(k))
    } yield presigner.presignGetObject(r).url().toString
}
