package com.acme.tools;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/** A command-line program (issue 14, item 2): System.out is its user's terminal; slf4j a log. */
public class CliShare {
    private static final Logger log = LoggerFactory.getLogger(CliShare.class);

    public static void main(String[] args) {
        S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_1).build();
        GetObjectRequest get = GetObjectRequest.builder().bucket(args[0]).key(args[1]).build();
        String url = presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(Duration.ofMinutes(15)).getObjectRequest(get).build()).url().toString();
        System.out.println(url);
        log.info("presigned {}", url); // expect: presigned-url-logged
    }
}
