package com.acme.exports;

import com.amazonaws.HttpMethod;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.s3.model.GeneratePresignedUrlRequest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/** SDK v1 and v2 presign calls whose expiry is over the 1-hour policy. */
public class ExportLinks {

    private static final long LINK_TTL_HOURS = 6;
    private static final Duration UPLOAD_WINDOW = Duration.ofHours(3);

    private final S3Presigner presigner = S3Presigner.create();  // expect: presign-client-without-region
    private final AmazonS3 s3 = AmazonS3ClientBuilder.defaultClient();  // expect: presign-client-without-region
    private final CloudFrontUtilities cloudFrontUtilities = CloudFrontUtilities.create();

    // v2: the request is built a few lines above the presign call; 1440 minutes is 24 hours.
    public URL zipDownload(String bucket, String key) {
        GetObjectRequest getObjectRequest = GetObjectRequest.builder().bucket(bucket).key(key).build();
        GetObjectPresignRequest presignRequest = GetObjectPresignRequest.builder()
                .signatureDuration(Duration.ofMinutes(1440)) // expect: excessive-expiry
                .getObjectRequest(getObjectRequest)
                .build();
        return presigner.presignGetObject(presignRequest).url();
    }

    // v2, inline request and a class constant.
    public URL upload(String bucket, String key) {
        PutObjectRequest put = PutObjectRequest.builder().bucket(bucket).key(key).build();
        return presigner.presignPutObject(PutObjectPresignRequest.builder().signatureDuration(UPLOAD_WINDOW).putObjectRequest(put).build()).url(); // expect: excessive-expiry
    }

    // v2 consumer-builder overload.
    public URL viaLambda(GetObjectRequest g) {
        return presigner.presignGetObject(r -> r.signatureDuration(Duration.ofHours(2)).getObjectRequest(g)).url(); // expect: excessive-expiry
    }

    // v2 consumer-builder with a block body, and a constant scaled by a unit.
    public URL viaBlockLambda(GetObjectRequest g) {
        return presigner.presignGetObject(r -> {
            r.getObjectRequest(g);
            r.signatureDuration(Duration.ofHours(LINK_TTL_HOURS)); // expect: excessive-expiry
        }).url();
    }

    // v2 builder configured statement by statement.
    public URL stepwise(GetObjectRequest g) {
        GetObjectPresignRequest.Builder builder = GetObjectPresignRequest.builder();
        builder.getObjectRequest(g);
        builder.signatureDuration(Duration.ofSeconds(2 * 60 * 60)); // expect: excessive-expiry
        return presigner.presignGetObject(builder.build()).url();
    }

    // v1: absolute Date computed from the clock in milliseconds (12 hours).
    public URL legacyDownload(String bucket, String key) {
        Date expiration = new Date(System.currentTimeMillis() + 1000 * 60 * 60 * 12);
        return s3.generatePresignedUrl(bucket, key, expiration); // expect: excessive-expiry
    }

    // v1 with a method: Date.from(Instant.now().plus(2, ChronoUnit.DAYS)).
    public URL legacyUpload(String bucket, String key) {
        return s3.generatePresignedUrl(bucket, key, Date.from(Instant.now().plus(2, ChronoUnit.DAYS)), HttpMethod.PUT); // expect: excessive-expiry
    }

    // v1 request object with withExpiration in its chain.
    public URL legacyRequest(String bucket, String key) {
        Date expiration = Date.from(Instant.now().plusSeconds(5400));
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(bucket, key)
                .withMethod(HttpMethod.GET)
                .withExpiration(expiration); // expect: excessive-expiry
        return s3.generatePresignedUrl(request);
    }

    // v1, the mutable Date of the AWS example: getTime, add milliseconds, setTime (1 hour + 1 s).
    public URL legacyMutable(String bucket, String key) {
        Date expiration = new Date();
        long expTimeMillis = expiration.getTime();
        expTimeMillis += 1000 * 60 * 60 + 1000;
        expiration.setTime(expTimeMillis);
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(bucket, key);
        request.setExpiration(expiration); // expect: excessive-expiry
        return s3.generatePresignedUrl(request);
    }

    // CloudFront: no hard limit, but a week is over the policy.
    public String cdnLink(String url, String keyPairId, java.nio.file.Path keyFile) throws Exception {
        CannedSignerRequest cannedRequest = CannedSignerRequest.builder()
                .resourceUrl(url)
                .privateKey(keyFile)
                .keyPairId(keyPairId)
                .expirationDate(Instant.now().plus(7, ChronoUnit.DAYS)) // expect: excessive-expiry
                .build();
        return cloudFrontUtilities.getSignedUrlWithCannedPolicy(cannedRequest).url();
    }

    // Within policy: silent.
    public URL shortLived(GetObjectRequest g, String bucket, String key) {
        presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(Duration.ofMinutes(15)).getObjectRequest(g).build());
        s3.generatePresignedUrl(bucket, key, new Date(System.currentTimeMillis() + 600_000L));
        GeneratePresignedUrlRequest request = new GeneratePresignedUrlRequest(bucket, key);
        return s3.generatePresignedUrl(request); // SDK default: 15 minutes
    }

    // Dynamic expiries: nothing to report.
    public URL dynamic(GetObjectRequest g, Duration ttl, Date until, String bucket, String key) {
        presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(ttl).getObjectRequest(g).build());
        presigner.presignGetObject(b -> b.signatureDuration(Duration.ofSeconds(config.getTtl())).getObjectRequest(g));
        return s3.generatePresignedUrl(bucket, key, until);
    }
}
