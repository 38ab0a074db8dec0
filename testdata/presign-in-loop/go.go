// Presign calls that run once per element, and look-alikes that must stay silent.
package share

import (
	"context"
	"crypto/rsa"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/cloudfront/sign"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	v1s3 "github.com/aws/aws-sdk-go/service/s3"
)

func Gallery(ctx context.Context, client *s3.Client, keys []string) ([]string, error) {
	presigner := s3.NewPresignClient(client)
	var urls []string
	for _, key := range keys {
		req, err := presigner.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("media"), Key: aws.String(key)}) // expect: presign-in-loop
		if err != nil {
			return nil, err
		}
		urls = append(urls, req.URL)
	}
	return urls, nil
}

func Legacy(svc *v1s3.S3, keys []string) {
	i := 0
	for i < len(keys) {
		r, _ := svc.GetObjectRequest(&v1s3.GetObjectInput{Key: &keys[i]})
		r.Presign(15 * time.Minute) // expect: presign-in-loop
		i++
	}
}

func CDN(keyID string, key *rsa.PrivateKey, paths []string) {
	signer := sign.NewURLSigner(keyID, key)
	for _, p := range paths {
		signer.Sign("https://cdn.example.com/"+p, time.Now().Add(10*time.Minute)) // expect: presign-in-loop
	}
}

// A batch helper by its name.
func PresignAll(ctx context.Context, presigner *s3.PresignClient, key string) {
	presigner.PresignGetObject(ctx, &s3.GetObjectInput{Key: aws.String(key)}) // expect: presign-in-loop
}

// --- Precision traps: all silent. ---

// One URL per request.
func Download(ctx context.Context, presigner *s3.PresignClient, key string) (string, error) {
	req, err := presigner.PresignGetObject(ctx, &s3.GetObjectInput{Key: aws.String(key)}, s3.WithPresignExpires(5*time.Minute))
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

// A closure created in a loop but not called by it.
func Handlers(presigner *s3.PresignClient, keys []string) []func(context.Context) {
	var out []func(context.Context)
	for _, key := range keys {
		k := key
		out = append(out, func(ctx context.Context) {
			presigner.PresignGetObject(ctx, &s3.GetObjectInput{Key: aws.String(k)})
		})
	}
	return out
}

// Non-presign calls in a loop, and a `Sign` that is not a URL signer.
func Other(ctx context.Context, client *s3.Client, hmac Hasher, keys []string) {
	for _, key := range keys {
		client.HeadObject(ctx, &s3.HeadObjectInput{Key: aws.String(key)})
		hmac.Sign([]byte(key))
	}
}

// The parts of one multipart upload are presigned together by design.
func Parts(ctx context.Context, presigner *s3.PresignClient, uploadID string, n int32) {
	for part := int32(1); part <= n; part++ {
		presigner.PresignUploadPart(ctx, &s3.UploadPartInput{UploadId: aws.String(uploadID), PartNumber: aws.Int32(part)})
	}
}

type Hasher interface{ Sign([]byte) []byte }

// A goroutine per key: the function literal is called where it is written, once per element.
func Fanout(ctx context.Context, presigner *s3.PresignClient, keys []string) {
	for _, key := range keys {
		go func(k string) {
			presigner.PresignGetObject(ctx, &s3.GetObjectInput{Key: aws.String(k)}) // expect: presign-in-loop
		}(key)
	}
}

// A function literal only defined in the loop does not presign per element.
func Handlers(ctx context.Context, presigner *s3.PresignClient, keys []string) []func() {
	var out []func()
	for _, key := range keys {
		k := key
		out = append(out, func() {
			presigner.PresignGetObject(ctx, &s3.GetObjectInput{Key: aws.String(k)})
		})
	}
	return out
}

// aws-sdk-go v1: each part of one multipart upload, built as a request and presigned in the
// parts loop, is the multipart exemption too (issue 14, item 4).
func LegacyParts(svc *v1s3.S3, uploadID string, n int64) []string {
	var urls []string
	for i := int64(1); i <= n; i++ {
		req, _ := svc.UploadPartRequest(&v1s3.UploadPartInput{
			Bucket:     aws.String("media"),
			Key:        aws.String("big"),
			UploadId:   aws.String(uploadID),
			PartNumber: aws.Int64(i),
		})
		u, _ := req.Presign(15 * time.Minute)
		urls = append(urls, u)
	}
	return urls
}

// … also with the part's input built before the request.
func LegacyPartsInput(svc *v1s3.S3, uploadID string, n int64) {
	for i := int64(1); i <= n; i++ {
		in := &v1s3.UploadPartInput{UploadId: aws.String(uploadID), PartNumber: aws.Int64(i)}
		req, _ := svc.UploadPartRequest(in)
		req.Presign(15 * time.Minute)
	}
}

// Trap: a v1 request of another operation named like a part is still one URL per element.
func LegacyChunks(svc *v1s3.S3, n int) {
	for i := 0; i < n; i++ {
		req, _ := svc.PutObjectRequest(&v1s3.PutObjectInput{Key: aws.String(fmt.Sprintf("chunks/part-%d", i))})
		req.Presign(15 * time.Minute) // expect: presign-in-loop
	}
}

// Trap: an endless loop waits for an event per pass (a tick, a message): one URL per event,
// as a handler presigns; a loop over a batch inside it is one.
func Scheduler(ctx context.Context, presigner *s3.PresignClient, ticker *time.Ticker, batches <-chan []string) {
	for {
		select {
		case <-ticker.C:
			presigner.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("media"), Key: aws.String("report.csv")})
		case keys := <-batches:
			for _, key := range keys {
				presigner.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("media"), Key: aws.String(key)}) // expect: presign-in-loop
			}
		case <-ctx.Done():
			return
		}
	}
}
