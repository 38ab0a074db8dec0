// presign-client-without-region: AWS SDK for Java 2.x and 1.x.
package com.acme.links;

import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import java.net.URL;
import java.util.Date;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

public class Links {
    String created(GetObjectPresignRequest request) {
        S3Presigner presigner = S3Presigner.create(); // expect: presign-client-without-region
        return presigner.presignGetObject(request).url().toString();
    }

    String built(GetObjectPresignRequest request) {
        try (S3Presigner presigner = S3Presigner.builder().build()) { // expect: presign-client-without-region
            return presigner.presignGetObject(request).url().toString();
        }
    }

    URL v1(Date expiration) {
        AmazonS3 s3 = AmazonS3ClientBuilder.standard().build(); // expect: presign-client-without-region
        return s3.generatePresignedUrl("b", "k", expiration);
    }

    // Negatives: a region on the builder, a v1 region, a presigner passed in.
    String regional(GetObjectPresignRequest request) {
        S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_1).build();
        return presigner.presignGetObject(request).url().toString();
    }

    URL v1Regional(Date expiration) {
        AmazonS3 s3 = AmazonS3ClientBuilder.standard().withRegion("eu-west-1").build();
        return s3.generatePresignedUrl("b", "k", expiration);
    }

    String injected(S3Presigner presigner, GetObjectPresignRequest request) {
        return presigner.presignGetObject(request).url().toString();
    }
}
