// AWSSDK.S3 and AWSSDK.CloudFront presign calls with expiries over 1 hour.
using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.CloudFront;
using Amazon.S3;
using Amazon.S3.Model;

namespace Reports
{
    public class Presigner
    {
        // The snapshot's GenPresignedUrl.cs: a class constant, in hours.
        const double timeoutDuration = 12;
        private static readonly int ShareMinutes = 3 * 60;
        private readonly IAmazonS3 client;

        public Presigner(IAmazonS3 client)
        {
            this.client = client;
        }

        public string Upload(string bucket, string key)
        {
            return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = bucket, Key = key, Verb = HttpVerb.PUT, Expires = DateTime.UtcNow.AddHours(12) }); // expect: excessive-expiry
        }

        public string MultiLine(string bucket, string key)
        {
            var url = client.GetPreSignedURL(new GetPreSignedUrlRequest
            {
                BucketName = bucket,
                Key = key,
                Expires = DateTime.UtcNow.AddHours(timeoutDuration), // expect: excessive-expiry
            });
            return url;
        }

        public string BuiltEarlier(string bucket, string key)
        {
            var request = new GetPreSignedUrlRequest
            {
                BucketName = bucket,
                Key = key,
                Expires = DateTime.UtcNow.AddDays(2), // expect: excessive-expiry
            };
            return client.GetPreSignedURL(request);
        }

        public string PropertySetLater(string bucket, string key)
        {
            var request = new GetPreSignedUrlRequest { BucketName = bucket, Key = key, Expires = DateTime.UtcNow.AddMinutes(5) };
            request.Verb = HttpVerb.GET;
            request.Expires = DateTime.Now.AddMinutes(90); // expect: excessive-expiry
            return client.GetPreSignedURL(request);
        }

        public string PropertiesOnly(string bucket, string key)
        {
            GetPreSignedUrlRequest request = new GetPreSignedUrlRequest();
            request.BucketName = bucket;
            request.Expires = DateTime.UtcNow.AddMinutes(ShareMinutes); // expect: excessive-expiry
            request.Key = key;
            return client.GetPreSignedURL(request);
        }

        public async Task<string> Async(string bucket, string key)
        {
            return await client.GetPreSignedURLAsync(new GetPreSignedUrlRequest { BucketName = bucket, Key = key, Expires = DateTime.UtcNow + TimeSpan.FromHours(6) }); // expect: excessive-expiry
        }

        public async Task<CreatePresignedPostResponse> Post(string bucket, string key)
        {
            return await client.CreatePresignedPostAsync(new CreatePresignedPostRequest
            {
                BucketName = bucket,
                Key = key,
                Expires = DateTime.UtcNow.AddSeconds(2 * 60 * 60), // expect: excessive-expiry
            });
        }

        public string Cdn(string url, TextReader key, string keyPairId)
        {
            return AmazonCloudFrontUrlSigner.GetCannedSignedURL(url, key, keyPairId, DateTime.UtcNow.AddDays(30)); // expect: excessive-expiry
        }

        public string CdnByDomain(FileInfo key, string keyPairId)
        {
            return AmazonCloudFrontUrlSigner.GetCannedSignedURL(
                AmazonCloudFrontUrlSigner.Protocol.https,
                "d111111abcdef8.cloudfront.net",
                key,
                "reports/q3.pdf",
                keyPairId,
                DateTime.UtcNow.AddHours(4)); // expect: excessive-expiry
        }

        // Within the policy: silent.
        public string Fine(string bucket, string key)
        {
            client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = bucket, Key = key, Expires = DateTime.UtcNow.AddMinutes(15) });
            var post = client.CreatePresignedPostAsync(new CreatePresignedPostRequest { BucketName = bucket, Key = key });
            return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = bucket, Key = key, Expires = DateTime.UtcNow.AddHours(1) });
        }

        // Dynamic: a parameter (GenPresignedUrl.cs passes the duration in), a config value.
        public string Dynamic(string bucket, string key, double duration, DateTime expires)
        {
            client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = bucket, Key = key, Expires = DateTime.UtcNow.AddHours(duration) });
            client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = bucket, Key = key, Expires = expires });
            return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = bucket, Key = key, Expires = DateTime.UtcNow.AddHours(Settings.Hours) });
        }
    }
}
