// excessive-expiry: a default a branch may replace with a shorter literal is still the value
// on the other path.
package storage

import (
	"context"
	"time"

	"github.com/minio/minio-go/v7"
)

func Link(ctx context.Context, c *minio.Client, key string, short bool) (string, error) {
	expiry := 6 * 24 * time.Hour
	if short {
		expiry = 15 * time.Minute
	}
	u, err := c.PresignedGetObject(ctx, "bucket", key, expiry, nil) // expect: excessive-expiry
	if err != nil {
		return "", err
	}
	return u.String(), nil
}

// Negative: both branches replace the default.
func Either(ctx context.Context, c *minio.Client, key string, admin bool) (string, error) {
	expiry := 6 * 24 * time.Hour
	if admin {
		expiry = 10 * time.Minute
	} else {
		expiry = 5 * time.Minute
	}
	u, err := c.PresignedGetObject(ctx, "bucket", key, expiry, nil)
	if err != nil {
		return "", err
	}
	return u.String(), nil
}

// The if's path of an if/else is one path too.
func ByRole(ctx context.Context, c *minio.Client, key string, admin bool) (string, error) {
	var expiry time.Duration
	if admin {
		expiry = 5 * 24 * time.Hour
	} else {
		expiry = 10 * time.Minute
	}
	u, err := c.PresignedGetObject(ctx, "bucket", key, expiry, nil) // expect: excessive-expiry
	if err != nil {
		return "", err
	}
	return u.String(), nil
}
