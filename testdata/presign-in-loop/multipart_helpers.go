// The parts of one multipart upload are presigned together by design, through a helper too.
package upload

import (
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/s3"
)

func partURL(svc *s3.S3, uploadID *string, partNumber int64) (string, error) {
	req, _ := svc.UploadPartRequest(&s3.UploadPartInput{
		Bucket: aws.String("media"), Key: aws.String("big"),
		UploadId: uploadID, PartNumber: &partNumber,
	})
	return req.Presign(15 * time.Minute)
}

func PartURLs(svc *s3.S3, uploadID string, parts int) []string {
	var urls []string
	for i := 0; i < parts; i++ {
		url, _ := partURL(svc, &uploadID, int64(i+1))
		urls = append(urls, url)
	}
	return urls
}

func objectURL(svc *s3.S3, key string) (string, error) {
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{Bucket: aws.String("media"), Key: aws.String(key)})
	return req.Presign(15 * time.Minute)
}

// Positive: whole objects, one URL each, through a helper.
func ObjectURLs(svc *s3.S3, keys []string) []string {
	var urls []string
	for _, k := range keys {
		url, _ := objectURL(svc, k) // expect: presign-in-loop
		urls = append(urls, url)
	}
	return urls
}
