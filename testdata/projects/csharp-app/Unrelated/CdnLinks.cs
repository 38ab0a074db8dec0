namespace Acme.Unrelated
{
    // A same-named method of an unrelated class, and recursion: both silent.
    public class CdnLinks
    {
        public string SignedLink(string key, int ttl)
        {
            return "https://cdn.example.com/" + key;
        }

        public string UseIt()
        {
            return SignedLink("a", 999999);
        }

        public string Recurse(string key, int ttl)
        {
            return Recurse(key, ttl * 2);
        }

        public string Start()
        {
            return Recurse("k", 999999);
        }
    }
}
