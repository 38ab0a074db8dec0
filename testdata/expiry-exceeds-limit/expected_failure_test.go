// Tests that the SDK refuses an expiry over its limit: made to fail, the call signs nothing.
package storage

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
)

func TestRejectsEightDays(t *testing.T, presignClient *s3.PresignClient) {
	assert.Panics(t, func() {
		_, _ = presignClient.PresignGetObject(context.TODO(), &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String("k")}, s3.WithPresignExpires(8*24*time.Hour))
	})
	assert.NotPanics(t, func() {
		_, _ = presignClient.PresignGetObject(context.TODO(), &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String("k")}, s3.WithPresignExpires(8*24*time.Hour)) // expect: expiry-exceeds-limit
	})
}
