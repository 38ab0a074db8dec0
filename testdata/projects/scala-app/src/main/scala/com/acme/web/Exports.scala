package com.acme.web

import com.acme.storage.Signing._
import java.time.Duration

// An object's members through a wildcard import: `presignFor` is `Signing.presignFor`.
class Exports {
  def export(key: String): String =
    presignFor(key, Duration.ofDays(2)) // expect: excessive-expiry

  def notImported(key: String): String =
    signLater(key, Duration.ofDays(2))
}
