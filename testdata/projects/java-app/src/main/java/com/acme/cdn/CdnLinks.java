package com.acme.cdn;

import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.model.CannedSignerRequest;
import software.amazon.awssdk.services.cloudfront.url.SignedUrl;

public class CdnLinks {
    private final CloudFrontUtilities cloudFront = CloudFrontUtilities.create();

    public String videoLink(String path) {
        CannedSignerRequest request = CdnRequests.video(path);
        SignedUrl signed = cloudFront.getSignedUrlWithCannedPolicy(request);
        return signed.url();
    }

    public String posterLink(String path) {
        return cloudFront.getSignedUrlWithCannedPolicy(CdnRequests.poster(path)).url();
    }
}
