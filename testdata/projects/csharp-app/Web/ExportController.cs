using System.Collections.Generic;
using System.Linq;
using Acme.Links;

namespace Acme.Web
{
    public class ExportController
    {
        private readonly LinkService links = new LinkService();

        public List<string> Listing(List<string> keys)
        {
            return keys.Select(k => links.SignedLink(k, 4 * 86400)).ToList(); // expect: excessive-expiry, presign-in-loop
        }

        public List<string> Each(List<string> keys)
        {
            var result = new List<string>();
            foreach (var k in keys)
            {
                result.Add(links.SignedLink(k, 1800)); // expect: presign-in-loop
            }
            return result;
        }

        public string One(string key)
        {
            return links.SignedLink(key, 2 * 3600); // expect: excessive-expiry
        }

        public string Level3(string key, int ttl)
        {
            return links.ForwardedLink(key, ttl);
        }

        public string Deep(string key)
        {
            return Level3(key, 10 * 86400); // expect: expiry-exceeds-limit
        }
    }
}
