using Acme.Albums;
using Acme.Storage;

namespace Acme.Media
{
    public class Thumbnails
    {
        private readonly S3Presigner presigner = new S3Presigner();
        private readonly AlbumService albums;

        public Thumbnails(AlbumService albums)
        {
            this.albums = albums;
        }

        public string ThumbnailLink(string key, int ttl)
        {
            return presigner.Presign("thumbs/" + key, ttl);
        }

        public string AlbumThumbnail(string albumId)
        {
            // An album without a cover shows its parent's: AlbumService calls back into this class.
            var key = AlbumService.CoverKey(albumId);
            if (key is null)
            {
                return albums.ParentThumbnail(albumId);
            }
            return ThumbnailLink(key, 600);
        }

        public string Banner(string albumId)
        {
            return albums.CoverLink(albumId, 2 * 86400); // expect: excessive-expiry
        }
    }
}
