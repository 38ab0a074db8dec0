using System;
using Amazon;
using Amazon.S3;
using Amazon.S3.Model;

namespace Acme.Storage
{
    public class S3Presigner
    {
        private readonly IAmazonS3 s3 = new AmazonS3Client(RegionEndpoint.EUWest1);

        public string Presign(string key, int seconds)
        {
            return s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "media", Key = key, Expires = DateTime.UtcNow.AddSeconds(seconds) });
        }

        public string PresignCapped(string key, int seconds)
        {
            // The parameter is overridden inside the wrapper: callers do not decide the expiry.
            seconds = 600;
            return s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "media", Key = key, Expires = DateTime.UtcNow.AddSeconds(seconds) });
        }

        public string PresignWithRetry(string key, int seconds, int attempts = 3)
        {
            // Recursive: a transient signing failure is retried with one attempt less.
            try
            {
                return s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "media", Key = key, Expires = DateTime.UtcNow.AddSeconds(seconds) });
            }
            catch (AmazonClientException) when (attempts > 1)
            {
                return PresignWithRetry(key, seconds, attempts - 1);
            }
        }
    }
}
