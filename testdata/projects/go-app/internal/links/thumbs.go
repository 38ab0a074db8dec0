package links

import (
	"context"
	"time"
)

// thumbs.go and albums.go call each other: an album without a cover falls back to its parent's.

func (s *Signer) ThumbnailLink(ctx context.Context, key string, ttl time.Duration) (string, error) {
	return s.Sign(ctx, "thumbs/"+key, ttl)
}

func (s *Signer) AlbumThumbnail(ctx context.Context, albumID string) (string, error) {
	key, ok := albumCoverKey(albumID)
	if !ok {
		return s.parentThumbnail(ctx, albumID)
	}
	return s.ThumbnailLink(ctx, key, 10*time.Minute)
}

func (s *Signer) Banner(ctx context.Context, albumID string) (string, error) {
	return s.CoverLink(ctx, albumID, 2*24*time.Hour) // expect: excessive-expiry
}
