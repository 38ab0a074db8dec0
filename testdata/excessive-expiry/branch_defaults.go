// A default that an option overrides only when given is the value on the other path
// (issue 15, item 6): reported as the default, not as set at run time.
package links

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Options struct {
	Expiry time.Duration
	Short  bool
}

func Sign(ctx context.Context, presigner *s3.PresignClient, in *s3.GetObjectInput, opts Options) {
	expiry := 7 * 24 * time.Hour
	if opts.Expiry > 0 {
		expiry = opts.Expiry
	}
	req, _ := presigner.PresignGetObject(ctx, in, s3.WithPresignExpires(expiry)) // expect: excessive-expiry
	_ = req
}

func SignNotZero(ctx context.Context, presigner *s3.PresignClient, in *s3.GetObjectInput, opts Options) {
	expiry := 30 * time.Minute
	if opts.Expiry != 0 {
		expiry = opts.Expiry
	}
	req, _ := presigner.PresignGetObject(ctx, in, s3.WithPresignExpires(expiry))
	_ = req
}

// The override is under another test: on the path where it does not run, the URL lives
// 7 days, whatever the other path's run-time value.
func SignShort(ctx context.Context, presigner *s3.PresignClient, in *s3.GetObjectInput, opts Options) {
	expiry := 7 * 24 * time.Hour
	if opts.Short {
		expiry = opts.Expiry
	}
	req, _ := presigner.PresignGetObject(ctx, in, s3.WithPresignExpires(expiry)) // expect: excessive-expiry
	_ = req
}
