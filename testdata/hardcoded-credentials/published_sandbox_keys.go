package main

import (
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// The play.min.io sandbox's published key pair: public by design, not a leak.
func play() (*minio.Client, error) {
	const (
		YOURACCESSKEYID     = "Q3AM3UQ867SPQQA43P2F"
		YOURSECRETACCESSKEY = "zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG"
	)
	return minio.New("play.min.io", &minio.Options{
		Creds:  credentials.NewStaticV4(YOURACCESSKEYID, YOURSECRETACCESSKEY, ""),
		Secure: true,
	})
}

// Trap: the same code with a real-shaped key pair is a leak.
func prod() (*minio.Client, error) {
	const (
		ACCESSKEYID     = "AKIAW3ZQ7XN5L2PK4RTJ" // expect: hardcoded-credentials
		SECRETACCESSKEY = "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"
	)
	return minio.New("s3.amazonaws.com", &minio.Options{
		Creds:  credentials.NewStaticV4(ACCESSKEYID, SECRETACCESSKEY, ""),
		Secure: true,
	})
}
