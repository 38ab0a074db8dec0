// Presign calls that run once per element, and look-alikes that must stay silent.
package share;

import java.time.Duration;
import software.amazon.awssdk.regions.Region;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.UploadPartPresignRequest;

class Gallery {
    private final S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_1).build();

    GetObjectPresignRequest request(String key) {
        return GetObjectPresignRequest.builder()
                .signatureDuration(Duration.ofMinutes(10))
                .getObjectRequest(r -> r.bucket("media").key(key))
                .build();
    }

    List<String> links(List<String> keys) {
        return keys.stream()
                .map(k -> presigner.presignGetObject(request(k)).url().toString()) // expect: presign-in-loop
                .collect(Collectors.toList());
    }

    Map<String, String> byKey(List<String> keys) {
        return keys.stream()
                .collect(Collectors.toMap(k -> k, k -> presigner.presignGetObject(request(k)).url().toString())); // expect: presign-in-loop
    }

    void each(List<String> keys) {
        for (String key : keys) {
            presigner.presignGetObject(request(key)); // expect: presign-in-loop
        }
        keys.forEach(k -> presigner.presignGetObject(request(k))); // expect: presign-in-loop
        int i = 0;
        while (i < keys.size()) {
            presigner.presignGetObject(request(keys.get(i++))); // expect: presign-in-loop
        }
    }

    // A batch helper by its name.
    String presignAll(String key) {
        return presigner.presignGetObject(request(key)).url().toString(); // expect: presign-in-loop
    }

    // --- Precision traps: all silent. ---

    // One URL per request.
    String download(String key) {
        return presigner.presignGetObject(request(key)).url().toString();
    }

    // A lambda created in a loop but not called by it.
    void handlers(List<String> keys, List<Runnable> out) {
        for (String key : keys) {
            out.add(() -> presigner.presignGetObject(request(key)));
        }
    }

    // Same method names on other types.
    void other(List<String> keys, Cache cache) {
        for (String key : keys) {
            cache.presign(key);
            cache.getObject(key);
        }
    }

    // The parts of one multipart upload are presigned together by design.
    void parts(String uploadId, int count) {
        for (int part = 1; part <= count; part++) {
            final int n = part;
            presigner.presignUploadPart(UploadPartPresignRequest.builder()
                    .signatureDuration(Duration.ofMinutes(10))
                    .uploadPartRequest(r -> r.bucket("media").key("big").uploadId(uploadId).partNumber(n))
                    .build());
        }
    }

    interface Cache {
        void presign(String key);
        void getObject(String key);
    }
}
