using Acme.Media;

namespace Acme.Albums
{
    public class AlbumService
    {
        private readonly Thumbnails thumbnails;

        public AlbumService()
        {
            thumbnails = new Thumbnails(this);
        }

        public static string? CoverKey(string albumId)
        {
            if (string.IsNullOrEmpty(albumId) || albumId.StartsWith("draft-"))
            {
                return null;
            }
            return $"albums/{albumId}/cover.jpg";
        }

        public string ParentThumbnail(string albumId)
        {
            var slash = albumId.LastIndexOf('/');
            return thumbnails.AlbumThumbnail(slash > 0 ? albumId.Substring(0, slash) : "");
        }

        public string CoverLink(string albumId, int ttl)
        {
            return thumbnails.ThumbnailLink(CoverKey(albumId) ?? "placeholder.jpg", ttl);
        }

        public string AlbumPage(string albumId)
        {
            return thumbnails.AlbumThumbnail(albumId);
        }
    }
}
