// Trap for the command-line rule (issue 14, item 2): a package main that serves HTTP is a
// server, and what it prints is its log.
package main

import (
	"fmt"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/s3"
)

var svc *s3.S3

func download(w http.ResponseWriter, r *http.Request) {
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{Bucket: aws.String("media"), Key: aws.String(r.URL.Path)})
	url, _ := req.Presign(5 * time.Minute)
	fmt.Println("issued", url) // expect: presigned-url-logged
	http.Redirect(w, r, url, http.StatusFound)
}

func main() {
	http.HandleFunc("/files/", download)
	http.ListenAndServe(":8080", nil)
}
