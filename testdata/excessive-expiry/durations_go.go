// Duration idioms folded to their value (issue 14, item 8).
package links

import (
	"strconv"
	"time"
	t "time"

	"github.com/aws/aws-sdk-go/service/s3"
)

const linkSeconds = 86400

func Counted(svc *s3.S3) (string, error) {
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(time.Duration(linkSeconds) * time.Second) // expect: excessive-expiry
}

func Converted(svc *s3.S3) (string, error) {
	ttl := int64(7200)
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(time.Duration(ttl) * time.Second) // expect: excessive-expiry
}

func Aliased(svc *s3.S3) (string, error) {
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(t.Duration(3) * t.Hour) // expect: excessive-expiry
}

func Parsed(svc *s3.S3) (string, error) {
	d, _ := time.ParseDuration("168h")
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(d) // expect: excessive-expiry
}

func Atoi(svc *s3.S3) (string, error) {
	n, _ := strconv.Atoi("21600")
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(time.Duration(n) * time.Second) // expect: excessive-expiry
}

// --- Traps: all silent. ---

func Short(svc *s3.S3) (string, error) {
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(time.Duration(900) * time.Second)
}

func ShortParsed(svc *s3.S3) (string, error) {
	d, _ := time.ParseDuration("15m")
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(d)
}

// An untyped count is nanoseconds: 86400 ns.
func Nanoseconds(svc *s3.S3) (string, error) {
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	return req.Presign(time.Duration(86400))
}
