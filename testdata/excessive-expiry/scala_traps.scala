// Traps: scala.concurrent.duration values that are not a URL's lifetime: a cache's
// expireAfterWrite, an Akka ask timeout, a session, a user's own signUrl-like method.
package com.acme.cache

import java.util.concurrent.TimeUnit
import scala.concurrent.duration._
import akka.util.Timeout
import com.github.benmanes.caffeine.cache.Caffeine

object Caches {
  val Retention = 7.days
  implicit val timeout: Timeout = Timeout(30.days)

  val thumbnails = Caffeine.newBuilder()
    .expireAfterWrite(7.days.toSeconds, TimeUnit.SECONDS)
    .build[String, Array[Byte]]()

  def ask(actor: ActorRef): Future[Any] = actor.ask("refresh")(Timeout(365.days))

  def session(store: SessionStore): Unit = store.setMaxAge(Duration(30, TimeUnit.DAYS))

  // Not a presign SDK: a method of the application's own named like one, two arguments.
  def link(links: LinkStore): String = links.generatePresignedUrl("cat.png", 30)
}
