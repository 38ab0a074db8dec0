// presigned-url-logged: Scala writing presigned URLs to logs (slf4j, scala-logging, log4j)
// and to standard output in a library (no main: its output goes wherever the service sends it).
package com.acme.share

import com.typesafe.scalalogging.LazyLogging
import java.time.Duration
import org.slf4j.LoggerFactory
import software.amazon.awssdk.services.s3.presigner.S3Presigner
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest

class Share(presigner: S3Presigner) extends LazyLogging {
  private val log = LoggerFactory.getLogger(classOf[Share])

  def share(request: GetObjectPresignRequest): String = {
    val url = presigner.presignGetObject(request).url().toString
    log.info(s"presigned $url") // expect: presigned-url-logged
    logger.debug(s"presigned ${url}") // expect: presigned-url-logged
    log.info("presigned {}", url) // expect: presigned-url-logged
    println(s"presigned: $url") // expect: presigned-url-logged
    Console.err.println(url) // expect: presigned-url-logged
    // Negatives: the key, the length.
    log.info(s"presigned a URL of ${url.length} characters")
    log.info(f"presigned for ${request.signatureDuration().toMinutes}%d minutes")
    url
  }
}
