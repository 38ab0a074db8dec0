// Tests that the SDK refuses an expiry over its limit: made to fail, the call signs nothing.
import java.time.Duration
import software.amazon.awssdk.regions.Region
import org.scalatest.funsuite.AnyFunSuite
import software.amazon.awssdk.services.s3.presigner.S3Presigner

class PresignLimitSuite extends AnyFunSuite {
  private val presigner = S3Presigner.builder().region(Region.US_EAST_1).build()

  test("rejects eight days") {
    intercept[IllegalArgumentException] {
      presigner.presignGetObject(r => r.signatureDuration(Duration.ofDays(8)))
    }
    assertThrows[IllegalArgumentException] {
      presigner.presignGetObject(r => r.signatureDuration(Duration.ofDays(8)))
    }
  }

  test("signs eight days") {
    val url = presigner.presignGetObject(r => r.signatureDuration(Duration.ofDays(8))) // expect: expiry-exceeds-limit
    assert(url != null)
  }
}
