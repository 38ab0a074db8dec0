package main

import (
	"context"
	"log"
	"time"

	"github.com/acme/app/internal/links"
)

func main() {
	s := &links.Signer{}
	for _, k := range []string{"a", "b"} {
		url, _ := s.Sign(context.Background(), k, 48*time.Hour) // expect: excessive-expiry, presign-in-loop
		log.Printf("url %s", url) // expect: presigned-url-logged
	}
}
