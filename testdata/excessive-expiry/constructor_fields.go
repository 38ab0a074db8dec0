// Fields a keyed literal of a type sets, read through the receiver of the type's methods.
package links

import (
	"context"
	"crypto/rsa"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront/sign"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type Store struct {
	presigner *s3.PresignClient
	bucket    string
	ttl       time.Duration
}

func NewStore(c *s3.Client, bucket string) *Store {
	return &Store{presigner: s3.NewPresignClient(c), bucket: bucket, ttl: 48 * time.Hour}
}

func (s *Store) URL(ctx context.Context, key string) (string, error) {
	req, err := s.presigner.PresignGetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(s.bucket),
		Key:    aws.String(key),
	}, s3.WithPresignExpires(s.ttl)) // expect: excessive-expiry
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

// A closure inside a method reads the receiver as the method does.
func (s *Store) URLs(ctx context.Context, keys []string) func(string) string {
	return func(key string) string {
		req, _ := s.presigner.PresignGetObject(ctx, &s3.GetObjectInput{Key: aws.String(key)}, s3.WithPresignExpires(s.ttl)) // expect: excessive-expiry
		return req.URL
	}
}

// A CloudFront signer held in a field, its lifetime in another, both set by the constructor.
type Middleware struct {
	urlSigner *sign.URLSigner
	duration  time.Duration
}

func NewMiddleware(key *rsa.PrivateKey) *Middleware {
	duration := 3 * time.Hour
	return &Middleware{urlSigner: sign.NewURLSigner("KID", key), duration: duration}
}

func (m *Middleware) RedirectURL(u string) (string, error) {
	return m.urlSigner.Sign(u, time.Now().Add(m.duration)) // expect: excessive-expiry
}

// A signer passed as a typed parameter.
func signFor(signer *sign.URLSigner, u string) (string, error) {
	return signer.Sign(u, time.Now().Add(2*time.Hour)) // expect: excessive-expiry
}

// Negative: its own literal sets a short lifetime; Store's does not lend it its own.
type Short struct {
	presigner *s3.PresignClient
	ttl       time.Duration
}

func NewShort(c *s3.Client) Short {
	return Short{presigner: s3.NewPresignClient(c), ttl: 5 * time.Minute}
}

func (s Short) URL(ctx context.Context, key string) (string, error) {
	req, err := s.presigner.PresignGetObject(ctx, &s3.GetObjectInput{Key: aws.String(key)}, s3.WithPresignExpires(s.ttl))
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

// Trap: a method assigns the field too, so which lifetime a URL gets depends on the calls.
type Retuned struct {
	presigner *s3.PresignClient
	ttl       time.Duration
}

func NewRetuned(c *s3.Client) *Retuned {
	return &Retuned{presigner: s3.NewPresignClient(c), ttl: 72 * time.Hour}
}

func (r *Retuned) Shorten() { r.ttl = time.Minute }

func (r *Retuned) URL(ctx context.Context, key string) string {
	req, _ := r.presigner.PresignGetObject(ctx, &s3.GetObjectInput{Key: aws.String(key)}, s3.WithPresignExpires(r.ttl))
	return req.URL
}

// Trap: the literal takes the constructor's parameter, which only a caller knows.
type FromParameter struct {
	presigner *s3.PresignClient
	ttl       time.Duration
}

func NewFromParameter(c *s3.Client, ttl time.Duration) *FromParameter {
	return &FromParameter{presigner: s3.NewPresignClient(c), ttl: ttl}
}

func (f *FromParameter) URL(ctx context.Context, key string) string {
	req, _ := f.presigner.PresignGetObject(ctx, &s3.GetObjectInput{Key: aws.String(key)}, s3.WithPresignExpires(f.ttl))
	return req.URL
}

// Trap: a cache entry's lifetime in a struct of the same shape; nothing presigns with it.
type cacheEntry struct {
	ttl time.Duration
}

func newEntry() cacheEntry { return cacheEntry{ttl: 30 * 24 * time.Hour} }

// Trap: a `Sign` of a signer of another type, declared as such.
type hmacSigner struct{}

func (hmacSigner) Sign(u string, at time.Time) (string, error) { return u, nil }

func signOther(signer *hmacSigner, u string) (string, error) {
	return signer.Sign(u, time.Now().Add(240*time.Hour))
}
