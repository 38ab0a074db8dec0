// Azure SAS, GCS, MinIO and other clouds in Go (issue 15).
package sdks

import (
	"context"
	"time"

	"cloud.google.com/go/storage"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/blob"
	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob/sas"
	"github.com/aliyun/aliyun-oss-go-sdk/oss"
	"github.com/huaweicloud/huaweicloud-sdk-go-obs/obs"
	"github.com/minio/minio-go/v7"
	qs "github.com/qiniu/go-sdk/v7/storage"
	cos "github.com/tencentyun/cos-go-sdk-v5"
)

const linkValidity = 14 * 24 * time.Hour

func azure(cred *sas.SharedKeyCredential, client *blob.Client) {
	q, _ := sas.BlobSignatureValues{
		Protocol:      sas.ProtocolHTTPS,
		ExpiryTime:    time.Now().UTC().Add(48 * time.Hour), // expect: excessive-expiry
		ContainerName: "c",
		BlobName:      "b",
	}.SignWithSharedKey(cred)
	u, _ := client.GetSASURL(sas.BlobPermissions{Read: true}, time.Now().AddDate(0, 0, 30), nil) // expect: excessive-expiry
	short, _ := client.GetSASURL(sas.BlobPermissions{Read: true}, time.Now().Add(10*time.Minute), nil)
	_, _, _ = q, u, short
}

func gcs(client *storage.Client) {
	a, _ := storage.SignedURL("b", "o", &storage.SignedURLOptions{Method: "GET", Scheme: storage.SigningSchemeV4, Expires: time.Now().Add(linkValidity)}) // expect: expiry-exceeds-limit
	b, _ := client.Bucket("b").SignedURL("o", &storage.SignedURLOptions{Method: "GET", Expires: time.Now().Add(6 * time.Hour)}) // expect: excessive-expiry
	c, _ := client.Bucket("b").SignedURL("o", &storage.SignedURLOptions{Method: "GET", Expires: time.Now().Add(15 * time.Minute)})
	_, _, _ = a, b, c
}

func minioCalls(ctx context.Context, mc *minio.Client) {
	a, _ := mc.PresignedGetObject(ctx, "b", "o", 8*24*time.Hour, nil) // expect: expiry-exceeds-limit
	b, _ := mc.PresignedPutObject(ctx, "b", "o", 2*time.Hour) // expect: excessive-expiry
	c, _ := mc.Presign(ctx, "GET", "b", "o", 24*time.Hour, nil) // expect: excessive-expiry
	d, _ := mc.PresignedGetObject(ctx, "b", "o", 15*time.Minute, nil)
	_, _, _, _ = a, b, c, d
}

func minioPostPolicies(ctx context.Context, mc *minio.Client) {
	long := minio.NewPostPolicy()
	// A policy's expiration has no signing limit of its own: long, not over a limit.
	long.SetExpires(time.Now().UTC().AddDate(0, 0, 10)) // expect: excessive-expiry
	_, _, _ = mc.PresignedPostPolicy(ctx, long)
	day := minio.NewPostPolicy()
	day.SetExpires(time.Now().Add(24 * time.Hour)) // expect: excessive-expiry
	short := minio.NewPostPolicy()
	short.SetExpires(time.Now().UTC().Add(15 * time.Minute))
	_, _ = day, short
}

// Not a POST policy: a cookie's or a cache entry's SetExpires is no presign.
func notPostPolicies(cookie *sessionCookie) {
	cookie.SetExpires(time.Now().Add(30 * 24 * time.Hour))
}

func otherClouds(bucket *oss.Bucket, obsClient *obs.ObsClient, c *cos.Client, mac *qbox.Mac) {
	a, _ := bucket.SignURL("obj", oss.HTTPGet, 60*60*24*365) // expect: excessive-expiry
	b, _ := obsClient.CreateSignedUrl(&obs.CreateSignedUrlInput{Method: obs.HttpMethodGet, Bucket: "b", Key: "k", Expires: 86400}) // expect: excessive-expiry
	d, _ := obsClient.CreateSignedUrl(&obs.CreateSignedUrlInput{Method: obs.HttpMethodGet, Bucket: "b", Key: "k"})
	e, _ := c.Object.GetPresignedURL(context.Background(), "GET", "k", "ak", "sk", 30*24*time.Hour, nil) // expect: excessive-expiry
	f := qs.MakePrivateURL(mac, "https://cdn.example.com", "k", time.Now().Add(time.Hour*24*365*20).Unix()) // expect: excessive-expiry
	g := qs.MakePrivateURL(mac, "https://cdn.example.com", "k", time.Now().Add(10*time.Minute).Unix())
	_, _, _, _, _, _ = a, b, d, e, f, g
}

// Traps: an ExpiryTime of another struct, a SignURL-less Sign, an AddDate for a subscription.
type Subscription struct{ ExpiryTime time.Time }

func traps() Subscription {
	renews := time.Now().AddDate(1, 0, 0)
	return Subscription{ExpiryTime: renews}
}
