// Presigned URLs written to output or logs, and look-alikes that must stay silent.
using System;
using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

public class Share
{
    private readonly IAmazonS3 _s3;
    private readonly ILogger<Share> _logger;

    public Share(IAmazonS3 s3, ILogger<Share> logger) { _s3 = s3; _logger = logger; }

    private static GetPreSignedUrlRequest Request(string key) =>
        new GetPreSignedUrlRequest { BucketName = "media", Key = key, Expires = DateTime.UtcNow.AddMinutes(10) };

    public string Link(string key)
    {
        var url = _s3.GetPreSignedURL(Request(key));
        Console.WriteLine(url); // expect: presigned-url-logged
        Console.WriteLine($"link for {key}: {url}"); // expect: presigned-url-logged
        _logger.LogInformation("Presigned {Url}", url); // expect: presigned-url-logged
        Debug.WriteLine("link: " + url); // expect: presigned-url-logged
        Console.Error.WriteLine(string.Format("link: {0}", url)); // expect: presigned-url-logged
        return url;
    }

    // --- Precision traps: all silent. ---

    public string Handler(string key)
    {
        var url = _s3.GetPreSignedURL(Request(key));
        _logger.LogInformation("Presigned {Key} for 10 minutes", key);
        Console.WriteLine($"presigned {key}");
        return url;
    }

    public void Public(string key)
    {
        var url = "https://media.example.com/" + key;
        Console.WriteLine(url);
    }
}
