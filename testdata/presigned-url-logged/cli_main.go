// A command-line program (package main) that prints a presigned URL for its user (issue 14,
// item 2): standard output is not a log; the log package is.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func main() {
	bucket := flag.String("bucket", "", "bucket")
	key := flag.String("key", "", "object key")
	flag.Parse()
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion("eu-west-1"))
	if err != nil {
		log.Fatal(err)
	}
	presigner := s3.NewPresignClient(s3.NewFromConfig(cfg))
	req, err := presigner.PresignGetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String(*bucket), Key: aws.String(*key)}, s3.WithPresignExpires(15*time.Minute))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(req.URL)
	fmt.Fprintln(os.Stderr, "valid for 15 minutes:", req.URL)
	log.Printf("presigned %s", req.URL) // expect: presigned-url-logged
}
