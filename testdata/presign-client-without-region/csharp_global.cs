// presign-client-without-region: a process-wide region (AWSConfigs.AWSRegion) covers clients
// built without one.
using System;
using Amazon;
using Amazon.S3;
using Amazon.S3.Model;

public static class Startup
{
    public static string Link(string key)
    {
        AWSConfigs.AWSRegion = "eu-west-1";
        var client = new AmazonS3Client();
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddMinutes(5) });
    }
}
