package archive

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/acme/app/internal/presignopts"
)

type Service struct {
	presigner *s3.PresignClient
}

func New(client *s3.Client) *Service {
	return &Service{presigner: s3.NewPresignClient(client)}
}

// DownloadLink presigns the zip of an archived project.
func (s *Service) DownloadLink(ctx context.Context, id string) (string, error) {
	input := &s3.GetObjectInput{Bucket: aws.String("archives"), Key: aws.String(id + ".zip")}
	req, err := s.presigner.PresignGetObject(ctx, input, presignopts.Archive())
	if err != nil {
		return "", err
	}
	return req.URL, nil
}

// PreviewLink presigns the cover image of an archived project.
func (s *Service) PreviewLink(ctx context.Context, id string) (string, error) {
	opt := presignopts.Preview()
	req, err := s.presigner.PresignGetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("archives"), Key: aws.String(id + "/cover.jpg")}, opt)
	if err != nil {
		return "", err
	}
	return req.URL, nil
}
