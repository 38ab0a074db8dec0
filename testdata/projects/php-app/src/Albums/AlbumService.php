<?php

namespace Acme\Albums;

use Acme\Media\Thumbnails;

class AlbumService
{
    public function __construct(private Thumbnails $thumbnails)
    {
    }

    public static function coverKey(string $albumId): ?string
    {
        if ($albumId === '' || str_starts_with($albumId, 'draft-')) {
            return null;
        }
        return "albums/{$albumId}/cover.jpg";
    }

    public function parentThumbnail(string $albumId): string
    {
        return $this->thumbnails->albumThumbnail(dirname($albumId));
    }

    public function coverLink(string $albumId, int $ttl): string
    {
        return $this->thumbnails->thumbnailLink(self::coverKey($albumId) ?? 'placeholder.jpg', $ttl);
    }

    public function albumPage(string $albumId): array
    {
        return ['id' => $albumId, 'cover' => $this->thumbnails->albumThumbnail($albumId)];
    }
}
