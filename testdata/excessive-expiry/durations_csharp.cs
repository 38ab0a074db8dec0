using System;
using Amazon.S3;
using Amazon.S3.Model;

// Duration idioms folded to their value (issue 14, item 8).
public class DurationLinks
{
    private const int LinkDays = 2;
    private static readonly double LinkSeconds = TimeSpan.FromHours(6).TotalSeconds;

    public string TotalSeconds(IAmazonS3 client, string key)
    {
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddSeconds(TimeSpan.FromDays(2).TotalSeconds) }); // expect: excessive-expiry
    }

    public string TotalMinutes(IAmazonS3 client, string key)
    {
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddMinutes(TimeSpan.FromDays(LinkDays).TotalMinutes) }); // expect: excessive-expiry
    }

    public string Field(IAmazonS3 client, string key)
    {
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddSeconds(LinkSeconds) }); // expect: excessive-expiry
    }

    public string Converted(IAmazonS3 client, string key)
    {
        var seconds = Convert.ToInt32(TimeSpan.FromHours(3).TotalSeconds);
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddSeconds(seconds) }); // expect: excessive-expiry
    }

    // --- Traps: all silent. ---

    public string Short(IAmazonS3 client, string key)
    {
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddSeconds(TimeSpan.FromMinutes(15).TotalSeconds) });
    }

    public string HoursAsSeconds(IAmazonS3 client, string key)
    {
        // 2 days read in hours (48), added as seconds.
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddSeconds(TimeSpan.FromDays(2).TotalHours) });
    }
}
