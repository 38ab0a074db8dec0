package links

import (
	"context"
	"strings"
	"time"
)

func albumCoverKey(albumID string) (string, bool) {
	if albumID == "" || strings.HasPrefix(albumID, "draft-") {
		return "", false
	}
	return "albums/" + albumID + "/cover.jpg", true
}

func parentAlbum(albumID string) string {
	if i := strings.LastIndex(albumID, "/"); i > 0 {
		return albumID[:i]
	}
	return ""
}

func (s *Signer) parentThumbnail(ctx context.Context, albumID string) (string, error) {
	return s.AlbumThumbnail(ctx, parentAlbum(albumID))
}

func (s *Signer) CoverLink(ctx context.Context, albumID string, ttl time.Duration) (string, error) {
	key, _ := albumCoverKey(albumID)
	return s.ThumbnailLink(ctx, key, ttl)
}

func (s *Signer) AlbumPage(ctx context.Context, albumID string) (string, error) {
	return s.AlbumThumbnail(ctx, albumID)
}
