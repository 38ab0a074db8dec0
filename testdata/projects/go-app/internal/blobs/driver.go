// A storage driver whose method has the SDK presigner's name: a fixed 5 minutes inside.
package blobs

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Driver struct {
	Client *s3.Client
	Bucket string
}

func (d *Driver) PresignGetObject(ctx context.Context, key string) (string, error) {
	res, err := s3.NewPresignClient(d.Client).PresignGetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(d.Bucket),
		Key:    aws.String(key),
	}, s3.WithPresignExpires(5*time.Minute))
	if err != nil {
		return "", err
	}
	return res.URL, nil
}
