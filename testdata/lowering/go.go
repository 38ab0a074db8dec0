package links

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

const linkTTL = 15 * time.Minute

func Share(ctx context.Context, presigner *s3.PresignClient, key string) (string, error) {
	expiry := linkTTL
	req, err := presigner.PresignGetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String("media"),
		Key:    aws.String(key),
	}, s3.WithPresignExpires(expiry))
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

func Names(keys []string) []string {
	out := make([]string, 0, len(keys))
	for _, key := range keys {
		fmt.Println(len(key))
		out = append(out, key)
	}
	return out
}
