// A case block given to a per-element method is a function run per element; a match's case
// block runs where the match is.
import java.time.Duration
import software.amazon.awssdk.regions.Region
import software.amazon.awssdk.services.s3.presigner.S3Presigner

object PartialFunctions {
  private val presigner = S3Presigner.builder().region(Region.US_EAST_1).build()

  def all(keys: Seq[(String, Int)]) = keys.map { case (key, n) =>
    presigner.presignGetObject(r => r.signatureDuration(Duration.ofMinutes(15))) // expect: presign-in-loop
  }

  def matchedInLoop(keys: Seq[Option[String]]) =
    for (k <- keys) {
      k match {
        case Some(key) => presigner.presignGetObject(r => r.signatureDuration(Duration.ofMinutes(15))) // expect: presign-in-loop
        case None => ()
      }
    }

  // Negatives: a match outside any loop; a partial function kept, not run per element.
  def one(k: Option[String]) = k match {
    case Some(key) => presigner.presignGetObject(r => r.signatureDuration(Duration.ofMinutes(15)))
    case None => ()
  }

  val handler: PartialFunction[String, Any] = {
    case key => presigner.presignGetObject(r => r.signatureDuration(Duration.ofMinutes(15)))
  }
}
