resource "aws_s3_bucket" "access_logs" {
  bucket = "acme-access-logs"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_logging" "uploads" {
  bucket        = aws_s3_bucket.uploads.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "uploads/"
}

resource "aws_s3_bucket" "reports" { # expect: bucket-access-logging-disabled
  bucket = "acme-reports"
}

# Older AWS provider: logging configured inline.
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"
  logging {
    target_bucket = aws_s3_bucket.access_logs.id
    target_prefix = "legacy/"
  }
}

# Logged by literal bucket name.
resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}

resource "aws_s3_bucket_logging" "exports" {
  bucket        = "acme-exports"
  target_bucket = "acme-access-logs"
}

resource "aws_s3_bucket" "per_tenant" { # expect: bucket-access-logging-disabled
  for_each = toset(["a", "b"])
  bucket   = "acme-tenant-${each.key}"
}

# Declared a log destination by its ACL (the logs of another stack land here).
resource "aws_s3_bucket" "org_logs" {
  bucket = "acme-org-logs"
}

resource "aws_s3_bucket_acl" "org_logs" {
  bucket = aws_s3_bucket.org_logs.id
  acl    = "log-delivery-write"
}

# Not buckets: look-alike resource types.
resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  versioning_configuration {
    status = "Enabled"
  }
}

data "aws_s3_bucket" "existing" {
  bucket = "acme-existing"
}

# A log destination declared by a bucket policy for the S3 logging service.
resource "aws_s3_bucket" "modern_logs" {
  bucket = "acme-modern-logs"
}

resource "aws_s3_bucket_policy" "modern_logs" {
  bucket = aws_s3_bucket.modern_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "logging.s3.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.modern_logs.arn}/*"
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = "${aws_s3_bucket.modern_logs.arn}/*"
        Condition = { NumericGreaterThan = { "s3:signatureAge" = 600000 } }
      },
    ]
  })
}
