// presign-client-without-region: AWSSDK.S3.
using System;
using Amazon;
using Amazon.S3;
using Amazon.S3.Model;

public class Links
{
    public string NoRegion(string key)
    {
        var client = new AmazonS3Client(); // expect: presign-client-without-region
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddMinutes(5) });
    }

    // Negatives: a region argument, a config with a region, a config set afterwards, a parameter.
    public string Regional(string key)
    {
        var client = new AmazonS3Client(RegionEndpoint.EUWest1);
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddMinutes(5) });
    }

    public string Configured(string key)
    {
        var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.EUWest1 };
        var client = new AmazonS3Client(config);
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddMinutes(5) });
    }

    public string SetLater(string key)
    {
        var config = new AmazonS3Config();
        config.RegionEndpoint = RegionEndpoint.EUWest1;
        var client = new AmazonS3Client(config);
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddMinutes(5) });
    }

    public string Injected(AmazonS3Config config, string key)
    {
        var client = new AmazonS3Client(config);
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddMinutes(5) });
    }
}
