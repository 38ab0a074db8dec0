package example;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class Storage {
    // Positives.
    S3Presigner v2() {
        return S3Presigner.builder()
            .credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIAUJZDEGXDNCF32EPF", "2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kj"))) // expect: hardcoded-credentials
            .build();
    }

    Object v1() {
        BasicAWSCredentials creds = new BasicAWSCredentials("AKIAH2KVJ72CEUVW75EF", "I8ihN5KXSc7Tvo/hBKqFYY/kv5ZJr3J1TWDtkwtD"); // expect: hardcoded-credentials
        return AmazonS3ClientBuilder.standard().withCredentials(new AWSStaticCredentialsProvider(creds)).build();
    }

    private static final String ACCESS_KEY = "AKIAOA7LQSAJ2XUID5ZZ"; // expect: hardcoded-credentials
    private static final String SECRET_KEY = "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";

    AwsSessionCredentials session(String token) {
        return AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, token);
    }

    AwsBasicCredentials builder() {
        return AwsBasicCredentials.builder()
            .accessKeyId("AKIA6KBNXJBTFQXKWOVO") // expect: hardcoded-credentials
            .secretAccessKey("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")
            .build();
    }

    // Negatives.
    AwsBasicCredentials fromEnv() {
        return AwsBasicCredentials.create(System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"));
    }

    AwsBasicCredentials fromParams(String id, String secret) {
        return AwsBasicCredentials.create(id, secret);
    }

    AwsBasicCredentials docs() {
        return AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    AwsBasicCredentials localstack() {
        return AwsBasicCredentials.create("test", "test");
    }

    // Another class's `create` with key-shaped arguments is not a credentials constructor,
    // and a 40-character value that is not an AWS secret stays quiet.
    Object other() {
        return Widget.create("AKIAPT6ZHKKEN7O4V43I", "0123456789abcdef0123456789abcdef01234567");
    }
}
