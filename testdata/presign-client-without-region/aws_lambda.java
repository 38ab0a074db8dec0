// presign-client-without-region: a Java Lambda function (`RequestHandler`); the runtime sets
// AWS_REGION, which the SDK's default region provider chain reads: no finding.
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

public class LinkHandler implements RequestHandler<String, String> {
    private final S3Presigner presigner = S3Presigner.create();

    @Override
    public String handleRequest(String key, Context context) {
        GetObjectPresignRequest request = GetObjectPresignRequest.builder()
            .signatureDuration(Duration.ofMinutes(10))
            .getObjectRequest(GetObjectRequest.builder().bucket("reports").key(key).build())
            .build();
        return presigner.presignGetObject(request).url().toString();
    }
}
