package com.acme.web;

import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/** Trap (issue 14, item 2): a Spring Boot application has a main, and is a server. */
@SpringBootApplication
@RestController
public class SpringMainTrap {
    private final S3Presigner presigner = S3Presigner.builder().region(Region.EU_WEST_1).build();

    public static void main(String[] args) {
        SpringApplication.run(SpringMainTrap.class, args);
    }

    @GetMapping("/link")
    String link(String key) {
        GetObjectRequest get = GetObjectRequest.builder().bucket("media").key(key).build();
        String url = presigner.presignGetObject(GetObjectPresignRequest.builder().signatureDuration(Duration.ofMinutes(5)).getObjectRequest(get).build()).url().toString();
        System.out.println(url); // expect: presigned-url-logged
        return url;
    }
}
