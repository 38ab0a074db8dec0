package download

import (
	"context"
	"time"

	"github.com/acme/app/internal/links"
)

// Link presigns a download of an exported file.
func Link(ctx context.Context, s *links.Signer, name string, ttl time.Duration) (string, error) {
	return s.Sign(ctx, "downloads/"+name, ttl)
}
