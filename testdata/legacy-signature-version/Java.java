// legacy-signature-version: AWS SDK for Java 1.x signer overrides.
package com.acme.storage;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;

public class Legacy {
    AmazonS3 build() {
        ClientConfiguration cc = new ClientConfiguration();
        cc.setSignerOverride("S3SignerType"); // expect: legacy-signature-version
        return AmazonS3ClientBuilder.standard().withRegion("us-east-1").withClientConfiguration(cc).build();
    }

    ClientConfiguration chained() {
        return new ClientConfiguration().withSignerOverride("S3SignerType"); // expect: legacy-signature-version
    }

    // Negatives: SigV4 signer, a variable, a comment.
    ClientConfiguration v4(String signer) {
        ClientConfiguration cc = new ClientConfiguration();
        cc.setSignerOverride("AWSS3V4SignerType");
        cc.setSignerOverride(signer);
        // cc.setSignerOverride("S3SignerType");
        return cc;
    }
}
