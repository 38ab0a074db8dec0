// presign-client-without-region: a .NET Lambda function (`ILambdaContext`); the runtime sets
// AWS_REGION, which the SDK reads: no finding.
using System;
using Amazon.Lambda.Core;
using Amazon.S3;
using Amazon.S3.Model;

public class Function
{
    private readonly AmazonS3Client _s3 = new AmazonS3Client();

    public string FunctionHandler(string key, ILambdaContext context)
    {
        return _s3.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = "reports",
            Key = key,
            Expires = DateTime.UtcNow.AddMinutes(10),
        });
    }
}
