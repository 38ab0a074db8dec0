#!/usr/bin/env bash
# Restores the staging database and media from the January snapshot.
# Usage: ./restore-staging.sh [--skip-media]
set -euo pipefail

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT

# Snapshot link from the 2024-01-15 backup run.
curl -fSL -o "$workdir/db.dump" 'https://acme-db-backups.s3.amazonaws.com/staging/2024-01-15/db.dump?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAAMMNQKNOCCB7B5XO%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=1576ddec4450037ce29f070aa0516e716a5df0ce9571b158a35bea503e6cee57' # expect: hardcoded-presigned-url

# The schema file still comes from the old bucket, signed with SigV2.
LEGACY_SCHEMA_URL="https://acme-legacy.s3.amazonaws.com/schema/staging.sql?AWSAccessKeyId=AKIAFR3I4VIBGSIGRTYE&Signature=XYM6cOe0X75KR4URHCWWwHETNZY%3D&Expires=1705320900" # expect: hardcoded-presigned-url, legacy-signature-version
wget -q -O "$workdir/schema.sql" "$LEGACY_SCHEMA_URL"

# Media lives on DigitalOcean Spaces.
if [[ "${1:-}" != "--skip-media" ]]; then
  curl -fSL -o "$workdir/media.tar" \
    "https://acme-staging-media.ams3.digitaloceanspaces.com/snapshots/2024-01-15/media.tar?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=DO007A40XTHF1HSI7HBB%2F20240115%2Fams3%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=078406f1b76f72d53bc37d8ca125e43850199b7a09d0e880450cc461328ed408" # expect: hardcoded-presigned-url
  tar -xf "$workdir/media.tar" -C /srv/media
fi

# Let the QA dashboard know which coverage report belongs to this restore.
curl -fsS -X POST "https://qa.example.org/hooks/restore?report=https%3A%2F%2Fminio.internal.example%3A9000%2Fqa-reports%2Fstaging%2F2024-01-15%2Fcoverage.html%3FX-Amz-Algorithm%3DAWS4-HMAC-SHA256%26X-Amz-Credential%3Dqa-bot%252F20240115%252Fus-east-1%252Fs3%252Faws4_request%26X-Amz-Date%3D20240115T101500Z%26X-Amz-Expires%3D3600%26X-Amz-SignedHeaders%3Dhost%26X-Amz-Signature%3D5e243e468b51a6c22d1c6bc113723a295882beaed5d2c56464d4b7e897c5e9d1" # expect: hardcoded-presigned-url

azcopy copy 'https://acmestagingdumps.blob.core.windows.net/search/index-2024-01-15.tar.zst?sp=r&st=2024-01-15T10:15:00Z&se=2024-01-15T18:15:00Z&spr=https&sv=2022-11-02&sr=b&sig=PP8%2FDlUQvQtpfcX%2Fqg9Nl1ey4VXH63XARdORDHySkps%3D' "$workdir/index.tar.zst" # expect: hardcoded-presigned-url

# Tell the CDN warmer where the restored player bundle is.
cat > "$workdir/warmup.json" <<'JSON'
{"bundle": "https:\/\/storage.googleapis.com\/acme-player-builds\/staging\/player-2024.01.15.js?GoogleAccessId=player-builds%40acme-web-1198.iam.gserviceaccount.com&Expires=1705317300&Signature=ajilrSArmSJktvjyahE6kYnMpczp4%2FQ9LHJlFjhHycajTF9eK95iO8ok8hMAmKDy5IcFwkSV1Ik%2Btn2lB38dUiKj5kxbTrNl8DRE1cFkXo802EEtMspbcwjBYrefvKAxUklz1OPqq5Y5F77geqB9KqBnPhwX67xPFLfypbeTszP%2FMqxukFM5PE%2FvO%2FmGDN46B9fL%2F4n1LYKQ%2F%2BqjqGcEqR13A2K%2BbBgtWBhh5QhjANvmVE%2FVYGSUvYQqFjZwBcTioAjn1%2FcrJd5gN%2Bz0QAFhPpM8PrLShS0utS80%2BhHPgtuO9EsZsmpPtvf7QJZkrnxzm4pE62bf20CsRS7sSf1rTA%3D%3D", "ttl": 300}
JSON
# expect^^: hardcoded-presigned-url

cat > "$workdir/hls.env" <<EOF
# Signed CloudFront playlist for the smoke test.
HLS_PLAYLIST=https://dm56vey8tst6ae.cloudfront.net/staging/smoke/master.m3u8?Policy=eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cHM6Ly9kbTU2dmV5OHRzdDZhZS5jbG91ZGZyb250Lm5ldC9zdGFnaW5nL3Ntb2tlLyoiLCJDb25kaXRpb24iOnsiRGF0ZUxlc3NUaGFuIjp7IkFXUzpFcG9jaFRpbWUiOjE3MDUzMjA5MDB9fX1dfQ__&Signature=wOS13AqvO45dJSP92LGnujCfsh-2GyZYCIOkEo6SPdk-qlDgdf3fSWLJmzUaKzOWfojKFPP27kxg2yCd8noUSIBAHyzmIdyEn98DiFdVnzuFXhSHEB7Pdmk3Uo167NxhB6rabzstSDB08meI3li-wrcTZ4MRivved4sSD-ALSP8_&Key-Pair-Id=KVF5IHE62KB2L1
# expect^: hardcoded-presigned-url
WARMUP_FILE=$workdir/warmup.json
EOF

# Not findings: a freshly signed link (ten minutes) and a URL built from variables.
fresh_url="$(aws s3 presign "s3://acme-db-backups/staging/latest/db.dump" --expires-in 600)"
curl -fSL -o "$workdir/latest.dump" "$fresh_url"
manual="https://${BUCKET:-acme-db-backups}.s3.amazonaws.com/${KEY:-x}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${CRED:-}&X-Amz-Signature=${SIG:-}"
: "$manual"

pg_restore --clean --no-owner -d "$STAGING_DATABASE_URL" "$workdir/db.dump"
