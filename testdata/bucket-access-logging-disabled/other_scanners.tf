# Authors who waived the same check of tfsec, Trivy or Checkov are not asked again (the
# mapping is in lints/bucket-access-logging-disabled.md).

#tfsec:ignore:AWS002
resource "aws_s3_bucket" "tfsec_legacy_id" {
  bucket = "acme-public-assets"
}

# Served by CloudFront; no access logs wanted.
# tfsec:ignore:aws-s3-enable-bucket-logging
resource "aws_s3_bucket" "tfsec_long_id" {
  bucket = "acme-static-site"
}

// trivy:ignore:AVD-AWS-0089
resource "aws_s3_bucket" "trivy" {
  bucket = "acme-trivy-waived"
}

resource "aws_s3_bucket" "checkov" {
  #checkov:skip=CKV_AWS_18:Access logging is collected by CloudTrail data events
  bucket = "acme-checkov-waived"
}

resource "aws_s3_bucket" "tfsec_same_line" { #tfsec:ignore:aws-s3-enable-bucket-logging
  bucket = "acme-same-line"
}

# Traps: another check waived, an expired waiver, a waiver separated by code.
#tfsec:ignore:aws-s3-enable-versioning
resource "aws_s3_bucket" "other_check" { # expect: bucket-access-logging-disabled
  bucket = "acme-other-check"
}

#tfsec:ignore:AWS002:exp:2020-01-31
resource "aws_s3_bucket" "expired" { # expect: bucket-access-logging-disabled
  bucket = "acme-expired-waiver"
}

#checkov:skip=CKV_AWS_18:meant for the bucket below the next one
locals {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "far_away" { # expect: bucket-access-logging-disabled
  bucket = "acme-far-away"
}
