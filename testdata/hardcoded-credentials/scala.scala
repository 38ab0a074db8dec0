// hardcoded-credentials: static AWS keys in Scala (AWS SDK for Java 2.x and 1.x).
package example

import com.amazonaws.auth.{AWSStaticCredentialsProvider, BasicAWSCredentials}
import com.amazonaws.services.s3.AmazonS3ClientBuilder
import software.amazon.awssdk.auth.credentials.{AwsBasicCredentials, StaticCredentialsProvider}
import software.amazon.awssdk.services.s3.presigner.S3Presigner

object Storage {
  // Positives.
  def v2(): S3Presigner =
    S3Presigner.builder()
      .credentialsProvider(StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIAQ3MZ7HWKT2RLXV5N", "f3Yq8vK2mNpL7xR4tB9wC6zD1eH5jA0sG8uI3oPk"))) // expect: hardcoded-credentials
      .build()

  def v1(): AnyRef = {
    val creds = new BasicAWSCredentials("AKIAV7NRX2QKD4ZT6WLM", "Jm4Kp9Ls2Qw7Er5Ty1Ui8Op3As6Df0Gh4Jk7Lz2X") // expect: hardcoded-credentials
    AmazonS3ClientBuilder.standard().withCredentials(new AWSStaticCredentialsProvider(creds)).build()
  }

  // Negatives: documentation placeholders, keys read from the environment.
  def placeholder(): AwsBasicCredentials =
    AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")

  def fromEnv(): AwsBasicCredentials =
    AwsBasicCredentials.create(sys.env("AWS_ACCESS_KEY_ID"), sys.env("AWS_SECRET_ACCESS_KEY"))
}
