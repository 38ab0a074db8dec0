using System;
using Acme.Config;
using Acme.Storage;
using Microsoft.Extensions.Logging;

namespace Acme.Links
{
    public class LinkService
    {
        private readonly S3Presigner presigner = new S3Presigner();
        private readonly ILogger<LinkService> logger;

        public string SignedLink(string key, int ttl = 36000)
        {
            return presigner.Presign(key, ttl);
        }

        public string Share(string key)
        {
            return SignedLink(key, LinkSettings.LinkTtl); // expect: excessive-expiry
        }

        public string ShareDefault(string key)
        {
            return SignedLink(key); // expect: excessive-expiry
        }

        public string ShareShort(string key)
        {
            return SignedLink(key, LinkSettings.ShortTtl);
        }

        public string Capped(string key)
        {
            return presigner.PresignCapped(key, 999999);
        }

        public string ForwardedLink(string key, int ttl)
        {
            // A value from an unknown source stays dynamic.
            return SignedLink(key, ttl);
        }

        public void Traced(string key)
        {
            var url = SignedLink(key, 60);
            logger.LogInformation("link {Url}", url); // expect: presigned-url-logged
        }
    }
}
