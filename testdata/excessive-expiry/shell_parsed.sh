#!/usr/bin/env bash
# Read as the shell reads it: quoted values, variables assigned earlier, wrappers, and the
# scripts other commands run (`bash -c`, heredocs sent over ssh).
set -euo pipefail

TTL=604800
aws s3 presign "s3://reports/q1.pdf" --expires-in "$TTL" # expect: excessive-expiry
SHORT=300
aws s3 presign "s3://reports/q2.pdf" --expires-in "${SHORT}"
sudo -E aws s3 presign s3://reports/q3.pdf --expires-in '86400' # expect: excessive-expiry
bash -c "aws s3 presign s3://reports/q4.pdf --expires-in 172800" # expect: excessive-expiry
ssh deploy@bastion <<'REMOTE'
aws s3 presign s3://reports/q5.pdf --expires-in 259200 # expect: excessive-expiry
REMOTE
LINK_TTL=12h
gsutil signurl -d "$LINK_TTL" service-account.json gs://acme-reports/q6.pdf # expect: excessive-expiry
url=$(aws s3 presign s3://reports/q7.pdf \
  --expires-in 90000) # expect: excessive-expiry

# A default an option may replace at run time is the value when the option is not given.
LINK_EXPIRY=432000
while [[ $# -gt 0 ]]; do
  case "$1" in
    -e | --expiration) LINK_EXPIRY="$2"; shift 2 ;;
    *) shift ;;
  esac
done
aws s3 presign "s3://reports/q8.pdf" --expires-in "$LINK_EXPIRY" # expect: excessive-expiry
# Set from the command line on every path: known only at run time.
EXPIRES=$3
aws s3 presign "s3://reports/q9.pdf" --expires-in "$EXPIRES"

# Not signing commands: text that names one.
echo "run: aws s3 presign s3://reports/q1.pdf --expires-in 604800"
printf '%s\n' 'gsutil signurl -d 7d key.json gs://acme-reports/q1.pdf'
# aws s3 presign s3://reports/q1.pdf --expires-in 604800
