// Defaults behind an environment lookup, in Scala's idioms.
import java.time.Duration
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.presigner.S3Presigner

object EnvDefaults {
  private val presigner = S3Presigner.builder().region(Region.EU_WEST_1).build()
  private val linkTtl = sys.env.getOrElse("LINK_TTL_SECONDS", "604800").toLong
  private val optionTtl = sys.env.get("LINK_TTL").map(_.toLong).getOrElse(86400L)

  def link() = presigner.presignGetObject(r => r.signatureDuration(Duration.ofSeconds(linkTtl))) // expect: excessive-expiry
  def option() = presigner.presignGetObject(r => r.signatureDuration(Duration.ofSeconds(optionTtl))) // expect: excessive-expiry

  // --- Traps: all silent. ---
  // A short default; no default at all (set at run time, not checked); another map's getOrElse.
  private val shortTtl = sys.env.getOrElse("LINK_TTL_SECONDS", "900").toInt
  private val required = sys.env("LINK_TTL_SECONDS").toLong
  private val limits = Map("cache" -> 604800L)
  def short() = presigner.presignGetObject(r => r.signatureDuration(Duration.ofSeconds(shortTtl)))
  def fromEnv() = presigner.presignGetObject(r => r.signatureDuration(Duration.ofSeconds(required)))
  def cacheSeconds() = limits.getOrElse("cache", 604800L)
}
