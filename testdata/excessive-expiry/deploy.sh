#!/usr/bin/env bash
# The AWS CLI: `--expires-in N` and `--expires-in=N`, across continuation lines.
set -euo pipefail

aws s3 presign "s3://reports/q3.pdf" --expires-in 604800  # expect: excessive-expiry
aws s3 presign s3://reports/q4.pdf \
  --region eu-west-1 \
  --expires-in=86400  # expect: excessive-expiry
aws s3 presign s3://reports/ok.pdf --expires-in 900
aws s3 presign s3://reports/default.pdf
aws s3 presign s3://reports/dynamic.pdf --expires-in "$TTL"
aws s3 presign s3://reports/too-long.pdf --expires-in 2592000  # expect: expiry-exceeds-limit
aws s3 ls s3://reports/ --expires-in-is-not-a-flag-here
