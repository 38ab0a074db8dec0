#!/bin/sh
set -eu
# Positives.
export AWS_ACCESS_KEY_ID=AKIAMEJVQTIA6D7RGN7S # expect: hardcoded-credentials
export AWS_SECRET_ACCESS_KEY="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"
aws configure set aws_secret_access_key YXjU2JgJngKtFI3OyV2dZAkg05rK+gqv81RKMGHZ # expect: hardcoded-credentials
AWS_ACCESS_KEY_ID=AKIAWYUHVAUVZHMASQXE AWS_SECRET_ACCESS_KEY=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 aws s3 ls # expect: hardcoded-credentials

# Negatives.
export AWS_ACCESS_KEY_ID="$CI_AWS_ACCESS_KEY_ID"
export AWS_SECRET_ACCESS_KEY="${CI_AWS_SECRET_ACCESS_KEY}"
AWS_SECRET_ACCESS_KEY=$(vault read -field=secret aws/creds/deploy)
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
