package links

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// SignCapped ignores the requested validity: every link lives 15 minutes.
func (s *Signer) SignCapped(ctx context.Context, key string, ttl time.Duration) (string, error) {
	ttl = 15 * time.Minute
	req, err := s.presigner.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("media"), Key: aws.String(key)}, s3.WithPresignExpires(ttl))
	if err != nil {
		return "", err
	}
	return req.URL, nil
}
