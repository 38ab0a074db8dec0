// presign-client-without-region: a Go Lambda function (`lambda.Start`); the runtime sets
// AWS_REGION, which config.LoadDefaultConfig reads: no finding.
package main

import (
	"context"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func handle(ctx context.Context, key string) (string, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return "", err
	}
	presigner := s3.NewPresignClient(s3.NewFromConfig(cfg))
	req, err := presigner.PresignGetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String("reports"),
		Key:    aws.String(key),
	}, s3.WithPresignExpires(15*time.Minute))
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

func main() {
	lambda.Start(handle)
}
