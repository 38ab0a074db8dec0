package storage

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	credv1 "github.com/aws/aws-sdk-go/aws/credentials"
)

// Positives.
func staticProvider(ctx context.Context) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("AKIAUJZDEGXDNCF32EPF", "2hpChYgCfrL1spNxnyVmihA/2O76UMFxFkM/R5Kj", "")), // expect: hardcoded-credentials
	)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}

const (
	accessKey = "AKIAH2KVJ72CEUVW75EF" // expect: hardcoded-credentials
	secretKey = "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"
)

func fromConstants() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(accessKey, secretKey, "")
}

func v1() *credv1.Credentials {
	return credv1.NewStaticCredentials("AKIAOA7LQSAJ2XUID5ZZ", "ZYn9ZhyiA4uoRgnatmUdjAWtGSU8po+799NksnRH", "") // expect: hardcoded-credentials
}

func structLiteral() aws.Config {
	cfg := aws.Config{Region: "eu-west-1"}
	cfg.Credentials = credentials.StaticCredentialsProvider{Value: aws.Credentials{
		AccessKeyID:     "AKIA6KBNXJBTFQXKWOVO", // expect: hardcoded-credentials
		SecretAccessKey: "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",
	}}
	return cfg
}

// Negatives.
func fromEnv() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")
}

func fromParams(id, secret string) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(id, secret, "")
}

func localstack() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider("test", "test", "")
}

func docs() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "")
}

// A key-id-shaped string given to something that is not a credential.
func unrelated() string {
	return fmt.Sprintf("%s", "AKIAPT6ZHKKEN7O4V43I")
}
