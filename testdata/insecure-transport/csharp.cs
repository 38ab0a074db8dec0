// insecure-transport: AWSSDK.S3 clients and requests that presign over HTTP.
using System;
using Amazon;
using Amazon.S3;
using Amazon.S3.Model;

public class Links
{
    public string Media(string key)
    {
        var config = new AmazonS3Config
        {
            RegionEndpoint = RegionEndpoint.EUWest1,
            ServiceURL = "http://s3.eu-west-1.amazonaws.com", // expect: insecure-transport@error
        };
        var client = new AmazonS3Client(config);
        return client.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = "media",
            Key = key,
            Expires = DateTime.UtcNow.AddMinutes(15),
        });
    }

    public string PlainHttp(string key)
    {
        var client = new AmazonS3Client(new AmazonS3Config { RegionEndpoint = RegionEndpoint.EUWest1, UseHttp = true }); // expect: insecure-transport
        var request = new GetPreSignedUrlRequest
        {
            BucketName = "b",
            Key = key,
            Expires = DateTime.UtcNow.AddMinutes(15),
            Protocol = Protocol.HTTP, // expect: insecure-transport
        };
        return client.GetPreSignedURL(request);
    }

    public string Dev(string key)
    {
        // A local emulator config without a region: an S3-compatible endpoint, where the region
        // does not decide the signature, so only the transport note.
        var client = new AmazonS3Client(new AmazonS3Config { ServiceURL = "http://127.0.0.1:9000", ForcePathStyle = true }); // expect: insecure-transport@note
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "dev", Key = key, Expires = DateTime.UtcNow.AddMinutes(5) });
    }

    // Negatives: https, an http client that does not presign, a client passed in.
    public string Secure(string key)
    {
        var client = new AmazonS3Client(new AmazonS3Config { RegionEndpoint = RegionEndpoint.EUWest1, ServiceURL = "https://s3.eu-west-1.amazonaws.com", UseHttp = false });
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Protocol.HTTPS });
    }

    public void Upload(string key)
    {
        var client = new AmazonS3Client(new AmazonS3Config { ServiceURL = "http://s3.internal:9000" });
        client.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = key });
    }

    public string Injected(IAmazonS3 client, string key) =>
        client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddMinutes(5) });

    // ServiceURL = "http://example.com", UseHttp = true (a comment)
}
