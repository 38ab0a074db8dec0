package com.acme.media;

import com.acme.albums.Albums;
import com.acme.storage.S3Links;
import java.time.Duration;
import java.util.Optional;

public class Thumbnails {
    private final S3Links s3 = new S3Links();
    private final Albums albums;

    public Thumbnails(Albums albums) {
        this.albums = albums;
    }

    public String thumbnailLink(String key, Duration ttl) {
        return s3.presign("thumbs/" + key, ttl);
    }

    public String albumThumbnail(String albumId) {
        // An album without a cover shows its parent's: Albums calls back into this class.
        Optional<String> key = Albums.coverKey(albumId);
        if (key.isEmpty()) {
            return albums.parentThumbnail(albumId);
        }
        return thumbnailLink(key.get(), Duration.ofMinutes(10));
    }

    public String banner(String albumId) {
        return albums.coverLink(albumId, Duration.ofDays(2)); // expect: excessive-expiry
    }
}
