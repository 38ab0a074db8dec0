import java.time.Duration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

// A nullable expiry defaulted with a conditional expression.
public class ConditionalDefaults {
    private static final Duration EXPIRATION_DEFAULT = Duration.ofHours(24);
    private static final Duration SHORT_DEFAULT = Duration.ofMinutes(5);
    private final S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_1).build();

    public String presignGetUrl(String path, Integer seconds) {
        Duration expiration = seconds != null ? Duration.ofSeconds(seconds) : EXPIRATION_DEFAULT;
        return presigner.presignGetObject(GetObjectPresignRequest.builder()
                .signatureDuration(expiration) // expect: excessive-expiry
                .getObjectRequest(b -> b.bucket("b").key(path)).build())
            .url().toString();
    }

    public String presignShort(String path, Integer seconds) {
        Duration expiration = seconds != null ? Duration.ofSeconds(seconds) : SHORT_DEFAULT;
        return presigner.presignGetObject(GetObjectPresignRequest.builder()
                .signatureDuration(expiration)
                .getObjectRequest(b -> b.bucket("b").key(path)).build())
            .url().toString();
    }
}
