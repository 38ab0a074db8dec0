package links

import (
	"context"
	"time"
)

// SignOrDefault presigns for ttl, or for the package default when the caller passes 0.
func (s *Signer) SignOrDefault(ctx context.Context, key string, ttl time.Duration) (string, error) {
	if ttl == 0 {
		ttl = 10 * time.Hour
	}
	return s.Sign(ctx, key, ttl)
}
