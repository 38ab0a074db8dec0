// Tests that the SDK refuses an expiry over its limit: made to fail, the call signs nothing.
using System;
using Amazon.S3;
using Amazon.S3.Model;
using Xunit;

public class PresignLimitTests
{
    private readonly AmazonS3Client client = new AmazonS3Client(Amazon.RegionEndpoint.USEast1);

    [Fact]
    public void RejectsAYear()
    {
        Assert.Throws<ArgumentException>(() =>
            client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = "k", Expires = DateTime.UtcNow.AddDays(365) }));
    }

    [Fact]
    public void SignsAYear()
    {
        var url = client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = "k", Expires = DateTime.UtcNow.AddDays(365) }); // expect: expiry-exceeds-limit
        Assert.NotNull(url);
    }
}
