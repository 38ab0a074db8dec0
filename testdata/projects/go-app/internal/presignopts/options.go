// Package presignopts holds the presign options shared by the handlers that sign links.
package presignopts

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Archive is the validity of an archive download link.
func Archive() func(*s3.PresignOptions) {
	return s3.WithPresignExpires(72 * time.Hour) // expect: excessive-expiry
}

// Preview is the validity of a thumbnail preview link.
func Preview() func(*s3.PresignOptions) {
	return s3.WithPresignExpires(10 * time.Minute)
}
