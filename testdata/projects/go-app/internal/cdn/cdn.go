package cdn

import (
	"fmt"
	"time"
)

// Link builds a public CDN URL with a cache hint; nothing is presigned.
func Link(path string, ttl time.Duration) string {
	return fmt.Sprintf("https://cdn.example.com/%s?max-age=%d", path, int(ttl.Seconds()))
}
