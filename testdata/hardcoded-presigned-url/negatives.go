// Package signing builds and redacts signed URLs. Nothing here is a leaked signed URL.
package signing

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Redaction patterns applied before a URL reaches the logs.
var (
	sigV4Pattern      = regexp.MustCompile(`([?&]X-Amz-Signature=)[0-9a-f]{64}`)
	sasPattern        = regexp.MustCompile(`([?&]sig=)[A-Za-z0-9%]+`)
	cloudFrontPattern = regexp.MustCompile(`([?&]Signature=)[A-Za-z0-9_~-]+`)
)

// Redact hides the signature of a signed URL.
func Redact(raw string) string {
	raw = sigV4Pattern.ReplaceAllString(raw, "${1}REDACTED")
	raw = sasPattern.ReplaceAllString(raw, "${1}REDACTED")
	return cloudFrontPattern.ReplaceAllString(raw, "${1}REDACTED")
}

// SigV4URL assembles a query-signed URL from its parts.
func SigV4URL(bucket, key, credential, date, signature string) string {
	return fmt.Sprintf("https://%s.s3.amazonaws.com/%s?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=%s&X-Amz-Date=%s&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=%s",
		bucket, key, url.QueryEscape(credential), date, signature)
}

// SASURL appends a SAS token to a blob URL.
func SASURL(account, container, blob, sig string) string {
	return "https://" + account + ".blob.core.windows.net/" + container + "/" + blob + "?sv=2022-11-02&sr=b&sp=r&spr=https&sig=" + url.QueryEscape(sig)
}

// CloudFrontURL adds canned-policy parameters with url.Values.
func CloudFrontURL(domain, path string, expires time.Time, sig, keyPairID string) string {
	q := url.Values{}
	q.Set("Expires", fmt.Sprint(expires.Unix()))
	q.Set("Signature", sig)
	q.Set("Key-Pair-Id", keyPairID)
	return "https://" + domain + "/" + path + "?" + q.Encode()
}

// Presign signs a download link for five minutes.
func Presign(ctx context.Context, client *s3.Client, bucket, key string) (string, error) {
	req, err := s3.NewPresignClient(client).PresignGetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(bucket),
		Key:    aws.String(key),
	}, s3.WithPresignExpires(5*time.Minute))
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

// A header-signed request from a debug dump: the signature is in a header, not a URL.
const headerDump = `GET /reports/q4.pdf HTTP/1.1
Host: acme-reports.s3.amazonaws.com
X-Amz-Content-Sha256: UNSIGNED-PAYLOAD
X-Amz-Date: 20240115T101500Z
Authorization: AWS4-HMAC-SHA256 Credential=AKIAALG7PF6A2FIGREEB/20240115/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=c0340e0a93a0dc1bfcd30dd67eb9d818d041258b51b1ebe1816d72d501da3b91
`

// Samples for the redaction tests: placeholders, fillers and cut-off log lines.
var redactSamples = []string{
	"https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=<signature>",
	"https://acme-reports.s3.amazonaws.com/q4.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	"https://acme-reports.s3.amazonaws.com/q4.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=0000000000000000000000000000000000000000000000000000000000000000",
	"https://acme-reports.s3.amazonaws.com/q4.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA…&X-Amz-Signature=abc…",
	"https://acme-reports.s3.amazonaws.com/q4.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=...",
	"https://myaccount.blob.core.windows.net/reports/q4.pdf?sv=2022-11-02&sr=b&sp=r&se=2024-01-16T10:15:00Z&spr=https&sig=EXAMPLE",
	"https://storage.googleapis.com/acme-reports/q4.pdf?GoogleAccessId=SERVICE_ACCOUNT_EMAIL&Expires=1705317300&Signature=<signature>",
	"https://acme-reports.s3.amazonaws.com/q4.pdf",
	"https://storage.googleapis.com/acme-public/q4.pdf",
}
