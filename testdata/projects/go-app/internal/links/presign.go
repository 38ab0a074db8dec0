package links

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Signer struct {
	presigner *s3.PresignClient
}

// Sign presigns a download valid for d.
func (s *Signer) Sign(ctx context.Context, key string, d time.Duration) (string, error) {
	req, err := s.presigner.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("media"), Key: aws.String(key)}, s3.WithPresignExpires(d))
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

func Share(ctx context.Context, s *Signer, key string) (string, error) {
	return s.Sign(ctx, key, LinkValidity) // expect: excessive-expiry
}

func Preview(ctx context.Context, s *Signer, key string) (string, error) {
	return s.Sign(ctx, key, PreviewValidity)
}
