package links_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html/template"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.org/acme/links"
)

// Links captured from production logs on 2024-01-15; used to check the parser.
var parseCases = []struct {
	name string
	raw  string
	kind links.Kind
}{
	{
		name: "sigv4 virtual hosted",
		raw:  "https://acme-billing-exports.s3.amazonaws.com/2024/01/ledger.csv.gz?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAWXKCCBAWKPPTDLNJ%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=04efcc35fdfe92460b7bdc93561523f05fb6a8a088db69650be4efdb0b9224d8", // expect: hardcoded-presigned-url
		kind: links.S3,
	},
	{
		name: "minio on the build network",
		raw:  "https://minio.internal.example:9000/ci-artifacts/builds/4471/coverage.out?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ci-uploader%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=1592f34cee269df37a49a407e4f1b7f7dea06b23bfd27a11a4015e3ca87203a3", // expect: hardcoded-presigned-url
		kind: links.S3,
	},
	{
		name: "sigv2 behind a redirect",
		raw:  "https://go.example.org/r?to=https%3A%2F%2Facme-billing-exports.s3.amazonaws.com%2F2023%2F12%2Fledger.csv.gz%3FAWSAccessKeyId%3DAKIAGUW5QIJRMDF62LQ2%26Expires%3D1705317300%26Signature%3DjSZr4RyfPAiDBlCnWVwhkMPVIJs%253D", // expect: hardcoded-presigned-url, legacy-signature-version
		kind: links.S3,
	},
	{
		name: "cloudfront custom policy",
		raw:  `https://dz9kpsokz70v18.cloudfront.net/downloads/agent/1.14.2/agent-linux-amd64.tar.gz?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kejlrcHNva3o3MHYxOC5jbG91ZGZyb250Lm5ldC9kb3dubG9hZHMvYWdlbnQvKiIsIkNvbmRpdGlvbiI6eyJEYXRlTGVzc1RoYW4iOnsiQVdTOkVwb2NoVGltZSI6MTcwNTMxNzMwMH19fV19&Signature=KE1eH-UmYRAimD1xKQH~X5R7TOYRulquqHaXT9-Y1RXEja49lBfIE3xPRJPwlo4aOoMrL3eAG1puHnDXxHHptY6cz0voy913nwEYSLsyavwDzgTjwy5MnIlycXNQmd1qCp847liUptoXhqNSRdrprcnYmwbkLcVADReWAvVKN2k_&Key-Pair-Id=KZF8BV59JRNJVR`, // expect: hardcoded-presigned-url
		kind: links.CloudFront,
	},
	{
		// Not a finding: the AWS documentation's placeholder key.
		name: "documentation example",
		raw:  "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=<signature>",
		kind: links.S3,
	},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := links.Parse(tc.raw)
			if err != nil {
				t.Fatal(err)
			}
			if got.Kind != tc.kind {
				t.Errorf("kind = %v, want %v", got.Kind, tc.kind)
			}
		})
	}
}

// encoding/json escapes '&' as \u0026, so this is what the handler writes.
const wantJSON = `{"id":"asset-7731","url":"https://storage.googleapis.com/acme-assets-prod/renders/7731/final.mp4?GoogleAccessId=render-farm%40acme-media-3310.iam.gserviceaccount.com\u0026Expires=1705320900\u0026Signature=ELg%2FhH0Jf7YoISNtPA1JaVKx57wL0ddamiAmqwCabF9DLoj6ZgGniFPXMpwJ2ggsLq2GGjif%2FmZy2E15zdnuXs5fXYroFSXSM5TMxfjIsF6e14P%2BDAm1JmyoPCvWPDjO1Bd300tg9l6cm9I8NAWtSLvNlfkJ2QbS%2BzBdjMefZZv%2Fc7EQvVX73oXEyIWHmFmsLp3xun6EDwez60HnjS2yDW6r7k%2FHwvD76blCvQBPpmwqxALyZe9HVOQItSIRFw5MrlXTBHcDDKapdm7Ojp%2Fn0OljC28sIYajQgC72D233dJuPdwmCe6Ys2Ma5jnliFyDmzrKrGvi1Zt6bMqxK0xvPw%3D%3D"}` // expect: hardcoded-presigned-url

// The upload-session handler's golden response.
const wantUploadJSON = `{"session":"up_5521","uploadUrl":"https://acme-billing-uploads.s3-accelerate.amazonaws.com/incoming/up_5521/statement.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256\u0026X-Amz-Credential=AKIABBK2SKEQVIPPAU2R%2F20240115%2Fus-east-1%2Fs3%2Faws4_request\u0026X-Amz-Date=20240115T101500Z\u0026X-Amz-Expires=900\u0026X-Amz-SignedHeaders=host\u0026x-id=PutObject\u0026X-Amz-Signature=4efeb2a67fb8d20c49d0f618ff727eea987ae38845de74fdb837a6ba3f80d7eb"}` // expect: hardcoded-presigned-url

func TestAssetJSON(t *testing.T) {
	var buf bytes.Buffer
	var asset links.Asset
	if err := json.Unmarshal([]byte(wantJSON), &asset); err != nil {
		t.Fatal(err)
	}
	if err := json.NewEncoder(&buf).Encode(asset); err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(buf.String()) != wantJSON || !strings.Contains(wantUploadJSON, "up_5521") {
		t.Errorf("got %s", buf.String())
	}
}

// html/template escapes '&' in attributes; the golden file keeps the rendered form.
const wantHTML = `<a href="https://acmedocsprod.blob.core.windows.net/manuals/installation-guide-v3.pdf?sv=2022-11-02&amp;ss=b&amp;srt=o&amp;sp=r&amp;se=2024-01-15T11:15:00Z&amp;st=2024-01-15T10:15:00Z&amp;spr=https&amp;sig=EwTHXSxMfkmCk%2FWm5%2FhOvNCVXH8ytcMUYuiMJHdoga4%3D">Installation guide</a>` // expect: hardcoded-presigned-url

func TestRender(t *testing.T) {
	tmpl := template.Must(template.New("link").Parse(`<a href="{{.URL}}">{{.Title}}</a>`))
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, map[string]string{"URL": "…", "Title": "Installation guide"}); err != nil {
		t.Fatal(err)
	}
	_ = wantHTML
}

// Not findings: URL assembly, a request dump and a truncated log line.
func buildURL(bucket, key, credential, date, sig string) string {
	return "https://" + bucket + ".s3.amazonaws.com/" + key +
		"?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + url.QueryEscape(credential) +
		"&X-Amz-Date=" + date + "&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=" + sig
}

const truncatedLogLine = `GET https://acme-billing-exports.s3.amazonaws.com/2024/01/ledger.csv.gz?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA…&X-Amz-Signature=abc… 200`

func TestPresignIsShort(t *testing.T) {
	client := s3.NewFromConfig(aws.Config{Region: "us-east-1"})
	presigner := s3.NewPresignClient(client)
	req, err := presigner.PresignGetObject(context.Background(), &s3.GetObjectInput{
		Bucket: aws.String("acme-billing-exports"),
		Key:    aws.String("2024/01/ledger.csv.gz"),
	}, s3.WithPresignExpires(15*time.Minute))
	if err != nil {
		t.Skip("no credentials:", err)
	}
	if !strings.Contains(req.URL, "X-Amz-Expires=900") {
		t.Errorf("unexpected expiry in %s", buildURL("b", "k", "c", "d", "s"))
	}
	_ = truncatedLogLine
}
