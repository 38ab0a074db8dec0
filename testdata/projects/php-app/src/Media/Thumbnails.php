<?php

namespace Acme\Media;

use Acme\Albums\AlbumService;
use Acme\Storage\S3Presigner;

class Thumbnails
{
    public function __construct(private S3Presigner $presigner, private AlbumService $albums)
    {
    }

    public function thumbnailLink(string $key, int $ttl): string
    {
        return $this->presigner->presign('thumbs/' . $key, $ttl);
    }

    public function albumThumbnail(string $albumId): string
    {
        // An album without a cover shows its parent's: AlbumService calls back into this class.
        $key = AlbumService::coverKey($albumId);
        if ($key === null) {
            return $this->albums->parentThumbnail($albumId);
        }
        return $this->thumbnailLink($key, 600);
    }

    public function banner(string $albumId): string
    {
        return $this->albums->coverLink($albumId, 2 * 86400); // expect: excessive-expiry
    }
}
