// Presigned URLs written to output or logs, and look-alikes that must stay silent.
package share

import (
	"context"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	v1s3 "github.com/aws/aws-sdk-go/service/s3"
	"go.uber.org/zap"
)

func Share(ctx context.Context, presigner *s3.PresignClient, logger *zap.Logger, key string) (string, error) {
	req, err := presigner.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("media"), Key: aws.String(key)})
	if err != nil {
		return "", err
	}
	fmt.Println(req.URL)                             // expect: presigned-url-logged
	log.Printf("link for %s: %s", key, req.URL)      // expect: presigned-url-logged
	slog.Info("presigned", "key", key, "url", req.URL) // expect: presigned-url-logged
	logger.Info("presigned " + req.URL)              // expect: presigned-url-logged
	fmt.Fprintln(os.Stderr, req.URL)                 // expect: presigned-url-logged
	msg := fmt.Sprintf("link: %s", req.URL)
	log.Println(msg) // expect: presigned-url-logged
	return req.URL, nil
}

func Legacy(svc *v1s3.S3, key string) {
	r, _ := svc.GetObjectRequest(&v1s3.GetObjectInput{Key: &key})
	urlStr, err := r.Presign(15 * time.Minute)
	if err != nil {
		log.Fatal(err)
	}
	log.Println("presigned:", urlStr) // expect: presigned-url-logged
}

// --- Precision traps: all silent. ---

func Handler(w http.ResponseWriter, r *http.Request, presigner *s3.PresignClient) {
	req, err := presigner.PresignGetObject(r.Context(), &s3.GetObjectInput{Key: aws.String(r.URL.Query().Get("key"))})
	if err != nil {
		log.Printf("presign failed: %v", err)
		return
	}
	// Sending the URL to the client is its purpose.
	fmt.Fprintf(w, "%s", req.URL)
	http.Redirect(w, r, req.URL, http.StatusFound)
	log.Printf("presigned %s, expires %s", r.URL.Query().Get("key"), req.Method)
}

func Public(key string) {
	url := "https://media.example.com/" + key
	fmt.Println(url)
}
