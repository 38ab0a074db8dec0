// Package traps holds expiry-looking durations that are not presign expiries: all must stay
// silent.
package traps

import (
	"context"
	"log"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/golang-jwt/jwt/v5"
)

type store interface {
	Set(key string, value []byte, ttl time.Duration)
}

func timeouts(ctx context.Context, cache store) (*http.Client, context.CancelFunc) {
	// Context deadlines, HTTP timeouts and cache TTLs.
	ctx, cancel := context.WithTimeout(ctx, 7*24*time.Hour)
	client := &http.Client{Timeout: 30 * time.Minute}
	cache.Set("presign:report", []byte("x"), 24*time.Hour)
	_ = ctx
	return client, cancel
}

// JWT lifetimes and cookies.
func session(w http.ResponseWriter, key []byte) (string, error) {
	claims := jwt.RegisteredClaims{ExpiresAt: jwt.NewNumericDate(time.Now().Add(7 * 24 * time.Hour))}
	http.SetCookie(w, &http.Cookie{Name: "session", Value: "v", MaxAge: 604800})
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
}

// S3 lifecycle rules and the Expires header of PutObject: object expiry, not URL expiry.
func lifecycle(ctx context.Context, client *s3.Client) {
	_, _ = client.PutBucketLifecycleConfiguration(ctx, &s3.PutBucketLifecycleConfigurationInput{
		Bucket: aws.String("logs"),
		LifecycleConfiguration: &types.BucketLifecycleConfiguration{Rules: []types.LifecycleRule{{
			ID:         aws.String("expire"),
			Status:     types.ExpirationStatusEnabled,
			Expiration: &types.LifecycleExpiration{Days: aws.Int32(365)},
		}}},
	})
	_, _ = client.PutObject(ctx, &s3.PutObjectInput{
		Bucket:  aws.String("b"),
		Key:     aws.String("k"),
		Expires: aws.Time(time.Now().Add(30 * 24 * time.Hour)),
	})
}

// A local function named like the SDK method: called without a receiver, it is not a presign.
func Presign(d time.Duration) string {
	return d.String()
}

var link = Presign(30 * 24 * time.Hour)

// Comments and strings: req.Presign(30 * 24 * time.Hour), s3.WithPresignExpires(720 * time.Hour).
var doc = "req.Presign(30 * 24 * time.Hour)"

// A PresignClient option that is not the expiry.
func otherOption(ctx context.Context, presignClient *s3.PresignClient, in *s3.GetObjectInput) {
	_, _ = presignClient.PresignGetObject(ctx, in, func(o *s3.PresignOptions) {
		o.ClientOptions = append(o.ClientOptions, func(co *s3.Options) { co.UsePathStyle = true })
	})
}

// The program's own wrapper, named like the SDK method, with its lifetime in seconds: the SDK
// takes only option functions after the input, so this is not the SDK call (and its result is
// the wrapper's, not a signed URL to report as logged).
type uploads struct{}

func (uploads) PresignPostObject(ctx context.Context, bucket, key string, lifetimeSecs int64) string {
	return bucket + "/" + key
}

func wrapped(ctx context.Context, presigner uploads) {
	form := presigner.PresignPostObject(ctx, "bucket", "key", 60)
	log.Println(form)
}
