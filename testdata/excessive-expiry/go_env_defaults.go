// Defaults behind a lookup (issue 14, item 7).
package links

import (
	"cmp"
	"os"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go/service/s3"
)

func getEnv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return fallback
}

func EmptyTest(svc *s3.S3) (string, error) {
	ttl := os.Getenv("URL_TTL")
	if ttl == "" {
		ttl = "86400"
	}
	secs, _ := strconv.Atoi(ttl)
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(time.Duration(secs) * time.Second) // expect: excessive-expiry
}

func Helper(svc *s3.S3) (string, error) {
	secs, _ := strconv.Atoi(getEnv("URL_TTL", "7200"))
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(time.Duration(secs) * time.Second) // expect: excessive-expiry
}

func CmpOr(svc *s3.S3) (string, error) {
	d, _ := time.ParseDuration(cmp.Or(os.Getenv("URL_TTL"), "3h"))
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(d) // expect: excessive-expiry
}

func OverLimit(svc *s3.S3) (string, error) {
	d, _ := time.ParseDuration(cmp.Or(os.Getenv("URL_TTL"), "240h"))
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(d) // expect: expiry-exceeds-limit
}

// --- Traps: all silent. ---

func Short(svc *s3.S3) (string, error) {
	d, _ := time.ParseDuration(cmp.Or(os.Getenv("URL_TTL"), "15m"))
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(d)
}

func Unset(svc *s3.S3) (string, error) {
	secs, _ := strconv.Atoi(os.Getenv("URL_TTL"))
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(time.Duration(secs) * time.Second)
}

// A cap under another test is not a default: the smaller value wins.
func Capped(svc *s3.S3) (string, error) {
	secs, _ := strconv.Atoi(os.Getenv("URL_TTL"))
	if secs > 900 {
		secs = 900
	}
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(time.Duration(secs) * time.Second)
}
