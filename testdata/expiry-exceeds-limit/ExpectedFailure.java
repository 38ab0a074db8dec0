// Tests that the SDK refuses an expiry over its limit: made to fail, the call signs nothing.
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class PresignLimitTest {
    private final S3Presigner presigner = S3Presigner.builder().region(Region.US_EAST_1).build();

    void rejectsEightDays() {
        assertThrows(IllegalArgumentException.class, () ->
            presigner.presignGetObject(r -> r.signatureDuration(Duration.ofDays(8))));
        assertThatThrownBy(() -> presigner.presignGetObject(r -> r.signatureDuration(Duration.ofDays(30))))
            .isInstanceOf(IllegalArgumentException.class);
    }

    void acceptsSevenDays() {
        assertDoesNotThrow(() -> presigner.presignGetObject(r -> r.signatureDuration(Duration.ofDays(8)))); // expect: expiry-exceeds-limit
    }
}
