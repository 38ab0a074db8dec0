using Acme.Storage;

namespace Acme.Users
{
    public class Avatars
    {
        private readonly S3Presigner presigner = new S3Presigner();

        public string Url(string userId)
        {
            return presigner.PresignWithRetry($"avatars/{userId}.png", 900);
        }
    }
}
