// Presigned URLs written to output or logs, and look-alikes that must stay silent.
package share;

import java.net.URL;
import java.time.Duration;
import software.amazon.awssdk.regions.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

class Share {
    private static final Logger log = LoggerFactory.getLogger(Share.class);
    private final S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_1).build();

    GetObjectPresignRequest request(String key) {
        return GetObjectPresignRequest.builder()
                .signatureDuration(Duration.ofMinutes(10))
                .getObjectRequest(r -> r.bucket("media").key(key))
                .build();
    }

    String share(String key) {
        PresignedGetObjectRequest presigned = presigner.presignGetObject(request(key));
        String url = presigned.url().toString();
        System.out.println(url); // expect: presigned-url-logged
        System.err.println("link: " + url); // expect: presigned-url-logged
        log.info("link for {}: {}", key, presigned.url()); // expect: presigned-url-logged
        log.debug(String.format("link: %s", url)); // expect: presigned-url-logged
        URL direct = presigner.presignGetObject(request(key)).url();
        log.warn("direct {}", direct); // expect: presigned-url-logged
        return url;
    }

    // --- Precision traps: all silent. ---

    String handler(String key) {
        PresignedGetObjectRequest presigned = presigner.presignGetObject(request(key));
        log.info("presigned {} until {}", key, presigned.expiration());
        System.out.println("signed headers: " + presigned.signedHeaders().keySet());
        return presigned.url().toString();
    }

    void publicLink(String key) {
        String url = "https://media.example.com/" + key;
        System.out.println(url);
        log.info("public {}", url);
    }
}
