// presign-client-without-region: aws-sdk-go v2 and v1.
package links

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
)

func NoRegion(ctx context.Context, key string) (string, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return "", err
	}
	client := s3.NewFromConfig(cfg) // expect: presign-client-without-region
	req, err := s3.NewPresignClient(client).PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(key)})
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

func V1NoRegion(key string) (string, error) {
	sess := session.Must(session.NewSession())
	svc := s3v1.New(sess) // expect: presign-client-without-region
	req, _ := svc.GetObjectRequest(&s3v1.GetObjectInput{Bucket: awsv1.String("b"), Key: awsv1.String(key)})
	return req.Presign(15 * time.Minute)
}

// Negatives: config.WithRegion, an options closure, a v1 session with a region, a parameter.
func WithRegion(ctx context.Context, key string) (string, error) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"))
	req, err := s3.NewPresignClient(s3.NewFromConfig(cfg)).PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(key)})
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

func WithOption(ctx context.Context, key string) (string, error) {
	cfg, _ := config.LoadDefaultConfig(ctx)
	client := s3.NewFromConfig(cfg, func(o *s3.Options) { o.Region = "eu-west-1" })
	req, err := s3.NewPresignClient(client).PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(key)})
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

func V1WithRegion(key string) (string, error) {
	sess := session.Must(session.NewSession(&awsv1.Config{Region: awsv1.String("us-west-2")}))
	req, _ := s3v1.New(sess).GetObjectRequest(&s3v1.GetObjectInput{Bucket: awsv1.String("b"), Key: awsv1.String(key)})
	return req.Presign(15 * time.Minute)
}

func FromConfigParam(ctx context.Context, cfg aws.Config, key string) (string, error) {
	req, err := s3.NewPresignClient(s3.NewFromConfig(cfg)).PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(key)})
	if err != nil {
		return "", err
	}
	return req.URL, nil
}
