#!/usr/bin/env bash
# Signed URLs and SAS tokens made by other CLIs: each lifetime is checked against max-expiry
# (1 hour here); limits of the signer are expiry-exceeds-limit's (testdata/expiry-exceeds-limit/).
set -euo pipefail

# gsutil: -d is hours when bare, summed when repeated; 1 hour by default.
gsutil signurl -d 2h service-account.json gs://acme-reports/q1.pdf # expect: excessive-expiry
gsutil signurl -d 1 -d 30m service-account.json gs://acme-reports/q2.pdf # expect: excessive-expiry
gsutil signurl service-account.json gs://acme-reports/q3.pdf
gsutil signurl -d 10m -m PUT service-account.json gs://acme-uploads/incoming.bin

# gcloud: --duration (or -d), seconds when bare; 1 hour by default.
gcloud storage sign-url gs://acme-reports/q1.pdf --duration=90m --private-key-file=key.json # expect: excessive-expiry
gcloud storage sign-url gs://acme-reports/q1.pdf -d 7200 --private-key-file=key.json # expect: excessive-expiry
gcloud storage sign-url gs://acme-reports/q1.pdf --duration=30m --private-key-file=key.json
gcloud storage sign-url gs://acme-reports/q1.pdf --private-key-file=key.json
gcloud storage sign-url gs://acme-reports/q1.pdf --duration="$LINK_TTL" --private-key-file=key.json

# az: --expiry is a date; from --start when given, else from now. No service limit for an
# account-key SAS.
az storage blob generate-sas --account-name acme --container-name reports --name q1.pdf \
  --permissions r --start 2030-01-01T00:00Z --expiry 2030-01-02T00:00Z --https-only # expect: excessive-expiry
az storage container generate-sas --account-name acme --name reports --permissions rl \
  --start 2030-01-01T00:00Z --expiry 2030-01-01T00:30Z --https-only
az storage account generate-sas --account-name acme --services b --resource-types o \
  --permissions r --expiry 2099-12-31T00:00Z # expect: excessive-expiry
az storage blob generate-sas --account-name acme -c reports -n q1.pdf --permissions r \
  --expiry "$(date -u -d '+2 hours' '+%Y-%m-%dT%H:%MZ')" # expect: excessive-expiry
az storage blob generate-sas --account-name acme -c reports -n q1.pdf --permissions r \
  --expiry "$(date -u -d '+30 minutes' '+%Y-%m-%dT%H:%MZ')"
az storage blob generate-sas --account-name acme -c reports -n q1.pdf --permissions r \
  --expiry "$SAS_EXPIRY"
# The dates of Azure's own examples, computed into variables first.
start=`date -u -d "-5 minutes" '+%Y-%m-%dT%H:%MZ'`
end=`date -u -d "7 days" '+%Y-%m-%dT%H:%MZ'`
az storage container generate-sas --account-name acme --name reports --permissions rl \
  --start $start --expiry $end # expect: excessive-expiry
# GNU date's months count as 30 days, its years as 365.
az storage blob generate-sas --account-name acme -c reports -n q1.pdf --permissions r \
  --expiry "$(date -u -d '3 months' '+%Y-%m-%dT%H:%MZ')" # expect: excessive-expiry
soon=$(date -u -d "20 minutes" '+%Y-%m-%dT%H:%MZ')
az storage container generate-sas --account-name acme --name reports --permissions rl \
  --expiry "$soon"
# Already expired: no lifetime left to judge.
az storage blob generate-sas --account-name acme -c reports -n q1.pdf --permissions r \
  --expiry 2001-01-01T00:00Z

# CloudFront: --date-less-than is a date or Unix seconds; no service limit.
aws cloudfront sign --url https://d111111abcdef8.cloudfront.net/q1.pdf --key-pair-id K2JCJMDEHXQW5F \
  --private-key file://cf-key.pem --date-less-than 2099-01-01 # expect: excessive-expiry
aws cloudfront sign --url https://d111111abcdef8.cloudfront.net/q1.pdf --key-pair-id K2JCJMDEHXQW5F \
  --private-key file://cf-key.pem --date-greater-than 2030-01-01T00:00:00Z --date-less-than 2030-01-01T00:15:00Z
# YYYYMMDD is read as Unix seconds (1970): the URL is expired when it is made.
aws cloudfront sign --url https://d111111abcdef8.cloudfront.net/q1.pdf --key-pair-id K2JCJMDEHXQW5F \
  --private-key file://cf-key.pem --date-less-than 20991231

# Not signing commands.
gsutil cp gs://acme-reports/q1.pdf .
az storage blob upload --account-name acme -c reports -n q1.pdf -f q1.pdf
aws cloudfront create-invalidation --distribution-id E2QWRUHAPOMQZL --paths '/*'
echo "use gcloud storage sign-url with --duration=2h for partners"
