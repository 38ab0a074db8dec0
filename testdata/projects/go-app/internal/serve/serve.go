// The driver's method, called on a parameter declared with the driver's type: not the SDK's
// PresignGetObject with its 15-minute default, and not a loop over the SDK either.
package serve

import (
	"context"

	"github.com/acme/app/internal/blobs"
)

func Serve(ctx context.Context, d *blobs.Driver, key string) (string, error) {
	return d.PresignGetObject(ctx, key)
}

func ServeAll(ctx context.Context, d *blobs.Driver, keys []string) []string {
	var out []string
	for _, k := range keys {
		u, _ := d.PresignGetObject(ctx, k) // expect: presign-in-loop
		out = append(out, u)
	}
	return out
}
