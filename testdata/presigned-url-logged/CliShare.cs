using System;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;

// A command-line program (issue 14, item 2): the console is its user's; ILogger is a log.
public static class CliShare
{
    public static void Main(string[] args)
    {
        using var factory = LoggerFactory.Create(b => b.AddConsole());
        var logger = factory.CreateLogger("share");
        var s3 = new AmazonS3Client(Amazon.RegionEndpoint.EUWest1);
        var url = s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = args[0], Key = args[1], Expires = DateTime.UtcNow.AddMinutes(15) });
        Console.WriteLine(url);
        logger.LogInformation("presigned {Url}", url); // expect: presigned-url-logged
    }
}
