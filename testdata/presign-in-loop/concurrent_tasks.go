// Goroutines started per element presign once per element, as the loop itself would.
package share

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"golang.org/x/sync/errgroup"
)

func ShareAll(ctx context.Context, presigner *s3.PresignClient, keys []string) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, key := range keys {
		key := key
		g.Go(func() error {
			_, err := presigner.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(key)}, s3.WithPresignExpires(15*time.Minute)) // expect: presign-in-loop
			return err
		})
	}
	return g.Wait()
}

// Negative: one goroutine of the group, outside any loop.
func ShareOne(ctx context.Context, presigner *s3.PresignClient, key string) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		_, err := presigner.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(key)}, s3.WithPresignExpires(15*time.Minute))
		return err
	})
	return g.Wait()
}
