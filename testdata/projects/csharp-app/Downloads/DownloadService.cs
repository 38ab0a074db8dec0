using Acme.Storage;
using Amazon;
using Amazon.S3;

namespace Acme.Downloads
{
    public class DownloadService
    {
        private readonly IAmazonS3 s3 = new AmazonS3Client(RegionEndpoint.EUWest1);

        public string DownloadLink(string key)
        {
            var request = PresignRequests.Download("exports", key);
            return s3.GetPreSignedURL(request);
        }

        public string PreviewLink(string key)
        {
            return s3.GetPreSignedURL(PresignRequests.Preview("exports", key));
        }
    }
}
