package cdn

import (
	"fmt"
	"time"
)

// Link builds a public CDN URL with a cache hint; nothing is presigned.
func Link(path string, ttl time.Duration) string {
	return fmt.Sprintf("https://cdn.example.com/%s?max-age=%d", path, int(ttl.Seconds()))
}

// Sign shares its name with the presigning method Signer.Sign, but a package function is
// never reached through a value (`s.Sign(ctx, key, ttl)` calls the method): it must neither
// be taken for the method nor make it ambiguous.
func Sign(path string) string {
	return "https://cdn.example.com/" + path + "?v=1"
}
