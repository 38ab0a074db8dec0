// Package archive presigns SigV4 URLs valid longer than 7 days: S3 rejects them when used.
package archive

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
)

const thirtyDays = 30 * 24 * time.Hour

func v1(svc *s3v1.S3, in *s3v1.GetObjectInput) (string, error) {
	req, _ := svc.GetObjectRequest(in)
	return req.Presign(thirtyDays) // expect: expiry-exceeds-limit
}

func v2Helper(ctx context.Context, presignClient *s3.PresignClient, key string) {
	_, _ = presignClient.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("archive"), Key: aws.String(key)}, s3.WithPresignExpires(8*24*time.Hour)) // expect: expiry-exceeds-limit
}

func v2Option(ctx context.Context, presignClient *s3.PresignClient, key string) {
	lifetimeSecs := 14 * 86400
	_, _ = presignClient.PresignPutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("archive"), Key: aws.String(key)}, func(opts *s3.PresignOptions) {
		opts.Expires = time.Duration(lifetimeSecs) * time.Second // expect: expiry-exceeds-limit
	})
}

func exactlySevenDays(svc *s3v1.S3, in *s3v1.GetObjectInput) (string, error) {
	// The maximum itself is accepted by S3: over policy, but not over the limit.
	req, _ := svc.GetObjectRequest(in)
	return req.Presign(168 * time.Hour) // expect: excessive-expiry
}
