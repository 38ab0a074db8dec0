package com.acme.media

import com.acme.albums.Albums
import com.acme.storage.S3Links
import java.time.Duration

class Thumbnails(private val albums: Albums) {
    private val s3 = S3Links()

    fun thumbnailLink(key: String, ttl: Duration): String {
        return s3.presign("thumbs/$key", ttl)
    }

    fun albumThumbnail(albumId: String): String {
        // An album without a cover shows its parent's: Albums calls back into this class.
        val key = Albums.coverKey(albumId) ?: return albums.parentThumbnail(albumId)
        return thumbnailLink(key, Duration.ofMinutes(10))
    }

    fun banner(albumId: String): String {
        return albums.coverLink(albumId, Duration.ofDays(2)) // expect: excessive-expiry
    }
}
