using System;
using System.Collections.Generic;
using Amazon.S3;
using Amazon.S3.Model;

public class Links
{
    private const int TtlMinutes = 15;
    private readonly IAmazonS3 _client;

    public Links(IAmazonS3 client) => _client = client;

    public string Share(string key, int minutes = TtlMinutes)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = "media",
            Key = key,
            Expires = DateTime.UtcNow.AddMinutes(minutes),
        };
        return _client.GetPreSignedURL(request);
    }

    public int Count(List<string> keys)
    {
        var total = 0;
        foreach (var key in keys)
        {
            total += key.Length;
            Console.WriteLine(key.Length);
        }
        return total;
    }
}
