// A loop that finds one element and presigns it, then leaves: one URL, no batch.
package links

import (
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/s3"
)

type File struct{ ID, Key string }

func URLFor(svc *s3.S3, files []File, id string) (string, error) {
	for _, f := range files {
		if f.ID == id {
			req, _ := svc.GetObjectRequest(&s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(f.Key)})
			url, err := req.Presign(15 * time.Minute)
			return url, err
		}
	}
	return "", nil
}

func FirstURL(svc *s3.S3, files []File) string {
	var url string
	for _, f := range files {
		req, _ := svc.GetObjectRequest(&s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(f.Key)})
		url, _ = req.Presign(15 * time.Minute)
		break
	}
	return url
}

func AllURLs(svc *s3.S3, files []File) []string {
	var out []string
	for _, f := range files {
		req, _ := svc.GetObjectRequest(&s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String(f.Key)})
		url, err := req.Presign(15 * time.Minute) // expect: presign-in-loop
		if err != nil {
			return nil
		}
		out = append(out, url)
	}
	return out
}
