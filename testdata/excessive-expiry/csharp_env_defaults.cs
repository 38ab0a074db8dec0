using System;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Configuration;

// Defaults behind a lookup (issue 14, item 7).
public class EnvLinks
{
    private readonly IConfiguration _configuration;

    public string Environment_(IAmazonS3 client, string key)
    {
        var ttl = int.Parse(Environment.GetEnvironmentVariable("URL_TTL") ?? "86400");
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddSeconds(ttl) }); // expect: excessive-expiry
    }

    public string GetValue(IAmazonS3 client, string key)
    {
        var ttl = _configuration.GetValue<int>("Links:TtlSeconds", 7200);
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddSeconds(ttl) }); // expect: excessive-expiry
    }

    public string Indexer(IAmazonS3 client, string key)
    {
        var ttl = int.Parse(_configuration["Links:TtlSeconds"] ?? "10800");
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddSeconds(ttl) }); // expect: excessive-expiry
    }

    public string OverLimit(IAmazonS3 client, string key)
    {
        var days = _configuration.GetValue("Links:TtlDays", 10);
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddDays(days) }); // expect: expiry-exceeds-limit
    }

    // --- Traps: all silent. ---

    public string Short(IAmazonS3 client, string key)
    {
        var ttl = _configuration.GetValue<int>("Links:TtlSeconds", 900);
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddSeconds(ttl) });
    }

    public string Unset(IAmazonS3 client, string key)
    {
        var ttl = int.Parse(Environment.GetEnvironmentVariable("URL_TTL"));
        return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = key, Expires = DateTime.UtcNow.AddSeconds(ttl) });
    }
}
