#!/usr/bin/env bash
# Signer limits of other CLIs: GCS V4 signed URLs are valid for at most 7 days, 12 hours when
# signed with a system-managed key (gsutil -u, gcloud through an impersonated account); an
# Azure user delegation SAS (--as-user) for at most 7 days. CloudFront and account-key SAS
# tokens have no limit (only excessive-expiry applies).
set -euo pipefail

gsutil signurl -d 8d service-account.json gs://acme-archive/2023.zip # expect: expiry-exceeds-limit
gsutil signurl -d 7d service-account.json gs://acme-archive/2023.zip # expect: excessive-expiry
gsutil signurl -u -d 24h gs://acme-archive/2023.zip # expect: expiry-exceeds-limit
gsutil signurl -u -d 12h gs://acme-archive/2023.zip # expect: excessive-expiry

gcloud storage sign-url gs://acme-archive/2023.zip --duration=10d --private-key-file=key.json # expect: expiry-exceeds-limit
gcloud storage sign-url gs://acme-archive/2023.zip --duration=1d \
  --impersonate-service-account=signer@acme.iam.gserviceaccount.com # expect^: expiry-exceeds-limit
gcloud storage sign-url gs://acme-archive/2023.zip --duration=2h \
  --impersonate-service-account=signer@acme.iam.gserviceaccount.com # expect^: excessive-expiry

az storage blob generate-sas --account-name acme -c archive -n 2023.zip --permissions r \
  --as-user --auth-mode login --start 2030-01-01T00:00Z --expiry 2030-01-15T00:00Z # expect: expiry-exceeds-limit
az storage blob generate-sas --account-name acme -c archive -n 2023.zip --permissions r \
  --start 2030-01-01T00:00Z --expiry 2030-01-15T00:00Z # expect: excessive-expiry
aws cloudfront sign --url https://d111111abcdef8.cloudfront.net/2023.zip --key-pair-id K2JCJMDEHXQW5F \
  --private-key file://cf-key.pem --date-greater-than 2030-01-01 --date-less-than 2031-01-01 # expect: excessive-expiry
