// insecure-transport: AWS SDK for Java 2.x and 1.x clients that presign over HTTP.
package com.acme.storage;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.Protocol;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Date;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

public class Links {

    String media(GetObjectPresignRequest request) {
        S3Presigner presigner = S3Presigner.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create("http://s3.eu-west-1.amazonaws.com")) // expect: insecure-transport@error
                .build();
        return presigner.presignGetObject(request).url().toString();
    }

    String dev(GetObjectPresignRequest request) {
        S3Presigner presigner = S3Presigner.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://localhost:9000")) // expect: insecure-transport@note
                .build();
        return presigner.presignGetObject(request).url().toString();
    }

    URL legacy(Date expiration) {
        ClientConfiguration cc = new ClientConfiguration();
        cc.setProtocol(Protocol.HTTP); // expect: insecure-transport
        AmazonS3 s3 = AmazonS3ClientBuilder.standard()
                .withClientConfiguration(cc)
                .withEndpointConfiguration(new EndpointConfiguration("http://s3.us-east-1.amazonaws.com", "us-east-1")) // expect: insecure-transport
                .build();
        return s3.generatePresignedUrl("bucket", "key", expiration);
    }

    // Negatives: a client with an http endpoint that does not presign; https; a comment.
    void upload() {
        S3Client client = S3Client.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create("http://s3.internal:9000"))
                .build();
        client.listBuckets();
    }

    String secure(GetObjectPresignRequest request) {
        S3Presigner presigner = S3Presigner.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create("https://s3.eu-west-1.amazonaws.com"))
                .build();
        return presigner.presignGetObject(request).url().toString();
    }

    String fromField(S3Presigner injected, GetObjectPresignRequest request) {
        return injected.presignGetObject(request).url().toString();
    }

    // endpointOverride(URI.create("http://example.com")) in a comment
}
