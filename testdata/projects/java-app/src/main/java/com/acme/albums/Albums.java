package com.acme.albums;

import com.acme.media.Thumbnails;
import java.time.Duration;
import java.util.Optional;

public class Albums {
    private final Thumbnails thumbnails = new Thumbnails(this);

    public static Optional<String> coverKey(String albumId) {
        if (albumId.isEmpty() || albumId.startsWith("draft-")) {
            return Optional.empty();
        }
        return Optional.of("albums/" + albumId + "/cover.jpg");
    }

    public String parentThumbnail(String albumId) {
        int slash = albumId.lastIndexOf('/');
        return thumbnails.albumThumbnail(slash > 0 ? albumId.substring(0, slash) : "");
    }

    public String coverLink(String albumId, Duration ttl) {
        return thumbnails.thumbnailLink(coverKey(albumId).orElse("placeholder.jpg"), ttl);
    }

    public String albumPage(String albumId) {
        return thumbnails.albumThumbnail(albumId);
    }
}
