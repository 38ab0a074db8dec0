// A future started per element presigns once per element, as the loop itself would.
import java.time.Duration
import scala.concurrent.{ExecutionContext, Future}
import software.amazon.awssdk.services.s3.presigner.S3Presigner

object ConcurrentTasks {
  def shareAll(presigner: S3Presigner, keys: Seq[String])(implicit ec: ExecutionContext) = {
    for (key <- keys) {
      Future {
        presigner.presignGetObject(r => r.signatureDuration(Duration.ofMinutes(15))) // expect: presign-in-loop
      }
    }
  }

  // Negative: one future, outside any loop.
  def shareOne(presigner: S3Presigner)(implicit ec: ExecutionContext) = Future {
    presigner.presignGetObject(r => r.signatureDuration(Duration.ofMinutes(15)))
  }
}
