// Expiry-shaped code that is not a presign: JWTs, cookies, caches, mocks, lifecycle rules.
using System;
using System.Threading.Tasks;
using System.IdentityModel.Tokens.Jwt;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;
using Moq;

namespace Traps
{
    public class NotPresigning
    {
        public string Token(SigningCredentials creds)
        {
            var descriptor = new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddDays(7), SigningCredentials = creds };
            return new JwtSecurityTokenHandler().CreateEncodedJwt(descriptor);
        }

        public void Cookie(HttpResponse response, string value)
        {
            response.Cookies.Append("session", value, new CookieOptions { Expires = DateTimeOffset.UtcNow.AddDays(30), MaxAge = TimeSpan.FromDays(30) });
        }

        public void Cache(IMemoryCache cache, string key, object v)
        {
            cache.Set(key, v, TimeSpan.FromHours(24));
        }

        public void Lifecycle(IAmazonS3 client)
        {
            var rule = new LifecycleRule { Id = "expire-presign-logs", Expiration = new LifecycleRuleExpiration { Days = 365 } };
        }

        // Moq: the presign method is stubbed and verified, never called with an expiry.
        public void Mocked(Mock<IAmazonS3> ms)
        {
            ms.Setup(m => m.GetPreSignedURL(It.IsAny<GetPreSignedUrlRequest>())).Returns("https://example.com/x");
            ms.Verify(m => m.GetPreSignedURL(It.IsAny<GetPreSignedUrlRequest>()));
            ms.Verify(m => m.GetPreSignedURL(It.Is<GetPreSignedUrlRequest>(r => r.Expires > DateTime.UtcNow.AddDays(1))));
        }

        // A presign within the policy, next to an unrelated long expiry.
        public string Presign(IAmazonS3 client, string bucket, string key)
        {
            var token = new SecurityTokenDescriptor { Expires = DateTime.UtcNow.AddDays(7) };
            // client.GetPreSignedURL(new GetPreSignedUrlRequest { Expires = DateTime.UtcNow.AddDays(7) });
            return client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = bucket, Key = key, Expires = DateTime.UtcNow.AddMinutes(10) });
        }
    }

    // The program's own wrapper, named like the SDK method: the SDK takes only the request
    // (and a CancellationToken), so this is not the SDK call and its result is not logged as one.
    public class Uploads
    {
        private readonly S3Wrapper s3Wrapper = new S3Wrapper();

        public async Task Wrapped(string bucket, string key)
        {
            var expiration = DateTime.UtcNow.AddMinutes(10);
            var response = await s3Wrapper.CreatePresignedPostAsync(bucket, key, expiration);
            Console.WriteLine(response.Url);
        }
    }
}
