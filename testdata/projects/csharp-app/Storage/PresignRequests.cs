using System;
using Amazon.S3;
using Amazon.S3.Model;

namespace Acme.Storage
{
    // Builds the presign-only requests; the client that signs them lives elsewhere.
    public static class PresignRequests
    {
        public static GetPreSignedUrlRequest Download(string bucket, string key)
        {
            return new GetPreSignedUrlRequest
            {
                BucketName = bucket,
                Key = key,
                Verb = HttpVerb.GET,
                Expires = DateTime.UtcNow.AddDays(3), // expect: excessive-expiry
            };
        }

        public static GetPreSignedUrlRequest Preview(string bucket, string key)
        {
            return new GetPreSignedUrlRequest
            {
                BucketName = bucket,
                Key = key,
                Verb = HttpVerb.GET,
                Expires = DateTime.UtcNow.AddMinutes(10),
            };
        }
    }
}
