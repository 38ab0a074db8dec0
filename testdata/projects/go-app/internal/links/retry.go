package links

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// SignWithRetry presigns, trying again on a transient credentials error.
func (s *Signer) SignWithRetry(ctx context.Context, key string, ttl time.Duration, attempts int) (string, error) {
	req, err := s.presigner.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("media"), Key: aws.String(key)}, s3.WithPresignExpires(ttl))
	if err != nil {
		if attempts <= 1 {
			return "", err
		}
		time.Sleep(100 * time.Millisecond)
		return s.SignWithRetry(ctx, key, ttl, attempts-1)
	}
	return req.URL, nil
}

func (s *Signer) Avatar(ctx context.Context, userID string) (string, error) {
	return s.SignWithRetry(ctx, "avatars/"+userID+".png", 10*time.Minute, 3)
}

func (s *Signer) Invoice(ctx context.Context, invoiceID string) (string, error) {
	return s.SignWithRetry(ctx, "invoices/"+invoiceID+".pdf", 5*24*time.Hour, 3) // expect: excessive-expiry
}
