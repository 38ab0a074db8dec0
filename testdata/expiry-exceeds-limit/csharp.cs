// AWSSDK.S3 presigns over the 7-day SigV4 limit.
using System;
using Amazon.S3;
using Amazon.S3.Model;

public class Archive
{
    private const int RetentionDays = 30;

    public string Share(IAmazonS3 client, string key)
    {
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "archive", Key = key, Expires = DateTime.UtcNow.AddDays(RetentionDays) }); // expect: expiry-exceeds-limit
    }

    public string Yearly(IAmazonS3 client, string key)
    {
        var request = new GetPreSignedUrlRequest { BucketName = "archive", Key = key };
        request.Expires = DateTime.UtcNow.AddDays(365); // expect: expiry-exceeds-limit
        return client.GetPreSignedURL(request);
    }

    public async void Post(IAmazonS3 client, string key)
    {
        await client.CreatePresignedPostAsync(new CreatePresignedPostRequest { BucketName = "archive", Key = key, Expires = DateTime.UtcNow + TimeSpan.FromDays(8) }); // expect: expiry-exceeds-limit
    }

    public string ExactlySevenDays(IAmazonS3 client, string key)
    {
        // The maximum itself is accepted: over policy, not over the limit.
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "archive", Key = key, Expires = DateTime.UtcNow.AddHours(168) }); // expect: excessive-expiry
    }
}
