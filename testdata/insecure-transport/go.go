// insecure-transport: aws-sdk-go v1 and v2 clients that presign over HTTP.
package storage

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

func MediaLink(ctx context.Context, key string) (string, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"))
	if err != nil {
		return "", err
	}
	client := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String("http://s3.eu-west-1.amazonaws.com") // expect: insecure-transport@error
		o.EndpointOptions.DisableHTTPS = true                            // expect: insecure-transport
	})
	presigner := s3.NewPresignClient(client)
	req, err := presigner.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("media"), Key: aws.String(key)})
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

func DevLink(ctx context.Context, key string) (string, error) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
	client := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String("http://127.0.0.1:9000") // expect: insecure-transport@note
		o.UsePathStyle = true
	})
	req, err := s3.NewPresignClient(client).PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("dev"), Key: aws.String(key)})
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

func LegacyLink(key string) (string, error) {
	sess := session.Must(session.NewSession(&awsv1.Config{
		Region:     awsv1.String("us-west-2"),
		Endpoint:   awsv1.String("http://s3.us-west-2.amazonaws.com"), // expect: insecure-transport
		DisableSSL: awsv1.Bool(true),                                  // expect: insecure-transport
	}))
	svc := s3v1.New(sess)
	req, _ := svc.GetObjectRequest(&s3v1.GetObjectInput{Bucket: awsv1.String("b"), Key: awsv1.String(key)})
	return req.Presign(15 * time.Minute)
}

// Negatives: an http endpoint on a client that never presigns, and an https one that does.
func Upload(ctx context.Context, key string) error {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"))
	client := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String("http://s3.internal:9000")
	})
	_, err := client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("b"), Key: aws.String(key)})
	return err
}

func SecureLink(ctx context.Context, key string) (string, error) {
	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"))
	client := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String("https://s3.eu-west-1.amazonaws.com")
		o.EndpointOptions.DisableHTTPS = false
	})
	req, err := s3.NewPresignClient(client).PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(key)})
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

// A presign client from a parameter: its endpoint is unknown here.
func FromParam(ctx context.Context, p *s3.PresignClient, key string) (string, error) {
	req, err := p.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(key)})
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

// BaseEndpoint = "http://example.com" in a comment is not code.
