package com.acme.albums

import com.acme.media.Thumbnails
import java.time.Duration

class Albums {
    private val thumbnails = Thumbnails(this)

    fun parentThumbnail(albumId: String): String {
        return thumbnails.albumThumbnail(albumId.substringBeforeLast('/', ""))
    }

    fun coverLink(albumId: String, ttl: Duration): String {
        return thumbnails.thumbnailLink(coverKey(albumId) ?: "placeholder.jpg", ttl)
    }

    fun albumPage(albumId: String): String {
        return thumbnails.albumThumbnail(albumId)
    }

    companion object {
        fun coverKey(albumId: String): String? {
            if (albumId.isEmpty() || albumId.startsWith("draft-")) return null
            return "albums/$albumId/cover.jpg"
        }
    }
}
