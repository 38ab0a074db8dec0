package com.acme.downloads;

import com.acme.storage.PresignRequests;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

public class Downloads {
    private final S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_1).build();

    public String downloadLink(String key) {
        GetObjectPresignRequest request = PresignRequests.download("exports", key);
        return presigner.presignGetObject(request).url().toString();
    }

    public String previewLink(String key) {
        return presigner.presignGetObject(PresignRequests.preview("exports", key)).url().toString();
    }
}
