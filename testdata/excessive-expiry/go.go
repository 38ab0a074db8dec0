// Package share presigns S3 URLs with aws-sdk-go (v1) and aws-sdk-go-v2: expiries over 1 hour.
package share

import (
	"context"
	"time"

	awsv1 "github.com/aws/aws-sdk-go/aws"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// A week: over the policy, but S3 still accepts it.
const expiry = 7 * 24 * time.Hour

// aws-sdk-go (v1): the expiry is the positional time.Duration of Presign / PresignRequest.
func v1Constant(svc *s3v1.S3, key string) (string, error) {
	req, _ := svc.GetObjectRequest(&s3v1.GetObjectInput{Bucket: awsv1.String("reports"), Key: awsv1.String(key)})
	return req.Presign(expiry) // expect: excessive-expiry
}

func v1Literal(svc *s3v1.S3, key string) (string, error) {
	req, _ := svc.PutObjectRequest(&s3v1.PutObjectInput{Bucket: awsv1.String("uploads"), Key: awsv1.String(key)})
	urlStr, err := req.Presign(2 * time.Hour) // expect: excessive-expiry
	return urlStr, err
}

func v1PresignRequest(svc *s3v1.S3, key string) (string, error) {
	req, _ := svc.GetObjectRequest(&s3v1.GetObjectInput{Bucket: awsv1.String("reports"), Key: awsv1.String(key)})
	urlStr, _, err := req.PresignRequest(24 * time.Hour) // expect: excessive-expiry
	return urlStr, err
}

// Two spellings of the same duration: time.Duration(n) * time.Second ...
func v1DurationTimesSecond(svc *s3v1.S3, key string) (string, error) {
	lifetimeSecs := 86400
	var lifetime = time.Duration(lifetimeSecs) * time.Second
	req, _ := svc.GetObjectRequest(&s3v1.GetObjectInput{Bucket: awsv1.String("reports"), Key: awsv1.String(key)})
	return req.Presign(lifetime) // expect: excessive-expiry
}

// ... and time.Duration(n * int64(time.Second)).
func v1Nanoseconds(svc *s3v1.S3, key string) (string, error) {
	lifetimeSecs := int64(43200)
	req, _ := svc.GetObjectRequest(&s3v1.GetObjectInput{Bucket: awsv1.String("reports"), Key: awsv1.String(key)})
	return req.Presign(time.Duration(lifetimeSecs * int64(time.Second))) // expect: excessive-expiry
}

func v1MultiLine(svc *s3v1.S3, key string) (string, error) {
	req, _ := svc.GetObjectRequest(&s3v1.GetObjectInput{Bucket: awsv1.String("reports"), Key: awsv1.String(key)})
	return req.Presign(
		(90 * time.Minute), // expect: excessive-expiry
	)
}

// aws-sdk-go-v2: the WithPresignExpires helper ...
func v2Helper(ctx context.Context, client *s3.Client, key string) (string, error) {
	presignClient := s3.NewPresignClient(client)
	req, err := presignClient.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("reports"), Key: aws.String(key)}, s3.WithPresignExpires(2*time.Hour)) // expect: excessive-expiry
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

// ... or a functional option setting Expires.
func v2FunctionalOption(ctx context.Context, presignClient *s3.PresignClient, key string) (string, error) {
	lifetimeSecs := 86400
	req, err := presignClient.PresignPutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String("uploads"),
		Key:    aws.String(key),
	}, func(opts *s3.PresignOptions) {
		opts.Expires = time.Duration(lifetimeSecs * int64(time.Second)) // expect: excessive-expiry
	})
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

func v2PostObject(ctx context.Context, presignClient *s3.PresignClient, key string) (*s3.PresignedPostRequest, error) {
	return presignClient.PresignPostObject(ctx, &s3.PutObjectInput{Bucket: aws.String("uploads"), Key: aws.String(key)}, func(o *s3.PresignPostOptions) {
		o.Expires = 12 * time.Hour // expect: excessive-expiry
	})
}

// Options bound to names before the call.
func v2BoundOptions(ctx context.Context, presignClient *s3.PresignClient, key string) {
	longLived := s3.WithPresignExpires(48 * time.Hour) // expect: excessive-expiry
	_, _ = presignClient.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("reports"), Key: aws.String(key)}, longLived)

	sixHours := func(o *s3.PresignOptions) {
		o.Expires = 6 * time.Hour // expect: excessive-expiry
	}
	_, _ = presignClient.PresignHeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String("reports"), Key: aws.String(key)}, sixHours)
}

// The option given once to NewPresignClient applies to every call on that client.
func v2ClientOption(ctx context.Context, client *s3.Client, key string) {
	presigner := s3.NewPresignClient(client, s3.WithPresignExpires(72*time.Hour)) // expect: excessive-expiry
	_, _ = presigner.PresignDeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("reports"), Key: aws.String(key)})
}

// Within policy: silent.
func fine(ctx context.Context, svc *s3v1.S3, presignClient *s3.PresignClient, key string) {
	req, _ := svc.GetObjectRequest(&s3v1.GetObjectInput{Bucket: awsv1.String("reports"), Key: awsv1.String(key)})
	_, _ = req.Presign(15 * time.Minute)
	_, _ = req.Presign(time.Hour)
	in := &s3.GetObjectInput{Bucket: aws.String("reports"), Key: aws.String(key)}
	_, _ = presignClient.PresignGetObject(ctx, in) // default 900 s
	_, _ = presignClient.PresignGetObject(ctx, in, s3.WithPresignExpires(time.Hour))
	_, _ = presignClient.PresignUploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("uploads"), Key: aws.String(key)}, func(o *s3.PresignOptions) {
		o.Expires = 10 * time.Minute
	})
}

// Dynamic values are counted, never guessed: the parameter shadows the package variable.
var ttl = 30 * 24 * time.Hour

func dynamic(ctx context.Context, svc *s3v1.S3, presignClient *s3.PresignClient, key string, ttl time.Duration) {
	req, _ := svc.GetObjectRequest(&s3v1.GetObjectInput{Bucket: awsv1.String("reports"), Key: awsv1.String(key)})
	_, _ = req.Presign(ttl)
	_, _ = presignClient.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("reports"), Key: aws.String(key)}, s3.WithPresignExpires(ttl))
	// An untyped integer is nanoseconds, not seconds: not a duration this linter reads.
	_, _ = req.Presign(86400)
}

// CloudFront: the signer's Sign takes an absolute expiry time.
func cloudFrontLink(keyID string, privKey *rsa.PrivateKey, rawURL string) (string, error) {
	signer := sign.NewURLSigner(keyID, privKey)
	return signer.Sign(rawURL, time.Now().Add(30*24*time.Hour)) // expect: excessive-expiry
}

func cloudFrontShort(keyID string, privKey *rsa.PrivateKey, rawURL string) (string, error) {
	return sign.NewURLSigner(keyID, privKey).Sign(rawURL, time.Now().Add(30*time.Minute))
}

// Any other Sign is not a presign.
func jwtSign(token *jwt.Token, key []byte) (string, error) {
	return token.Sign(key, time.Now().Add(30*24*time.Hour))
}
