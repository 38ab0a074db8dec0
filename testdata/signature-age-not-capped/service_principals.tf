# Bucket policies that grant only AWS itself (CloudFront, log delivery, other services) are not
# where presigned URLs are read from, and log destinations receive no presigned requests.

resource "aws_s3_bucket" "site" {
  bucket = "acme-site"
}

resource "aws_s3_bucket_logging" "site" {
  bucket        = aws_s3_bucket.site.id
  target_bucket = "acme-access-logs"
}

resource "aws_cloudfront_origin_access_identity" "site" {
  comment = "site"
}

# CloudFront origin access control: the service principal, scoped by distribution.
resource "aws_s3_bucket_policy" "site_oac" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudfront.amazonaws.com" }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.site.arn}/*"
      Condition = { StringEquals = { "AWS:SourceArn" = "arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL" } }
    }]
  })
}

# CloudFront origin access identity, through a data document.
data "aws_iam_policy_document" "legacy_site" {
  statement {
    principals {
      type        = "AWS"
      identifiers = [aws_cloudfront_origin_access_identity.site.iam_arn]
    }
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-legacy-site/*"]
  }
}

# Load balancer access logs: the regional Elastic Load Balancing account writes them.
data "aws_elb_service_account" "main" {}

resource "aws_s3_bucket_policy" "lb_archive" {
  bucket = "acme-lb-archive"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = data.aws_elb_service_account.main.arn }
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::acme-lb-archive/AWSLogs/*"
    }]
  })
}

# Delivery buckets of other services.
resource "aws_s3_bucket_policy" "inbound_mail" {
  bucket = "acme-inbound-mail"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "ses.amazonaws.com" }
        Action    = "s3:PutObject"
        Resource  = "arn:aws:s3:::acme-inbound-mail/*"
      },
      {
        Effect    = "Allow"
        Principal = { Service = ["s3.amazonaws.com", "sns.amazonaws.com"] }
        Action    = "s3:PutObject"
        Resource  = "arn:aws:s3:::acme-inbound-mail/inventory/*"
      },
    ]
  })
}

# A flow-log destination whose policy lets the account's roles read the logs.
resource "aws_s3_bucket" "netflow" {
  bucket = "acme-netflow"
}

resource "aws_flow_log" "vpc" {
  log_destination      = aws_s3_bucket.netflow.arn
  log_destination_type = "s3"
  traffic_type         = "ALL"
  vpc_id               = "vpc-0a1b2c3d"
}

resource "aws_s3_bucket_policy" "netflow" {
  bucket = aws_s3_bucket.netflow.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/security-analyst" }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.netflow.arn}/*"
    }]
  })
}

# Traps: CloudFront and the application's role, and a policy of Deny statements only.
resource "aws_s3_bucket_policy" "mixed" { # expect: signature-age-not-capped
  bucket = "acme-mixed"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "cloudfront.amazonaws.com" }
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::acme-mixed/*"
      },
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:role/web-app" }
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::acme-mixed/*"
      },
    ]
  })
}

resource "aws_s3_bucket_policy" "tls_only" { # expect: signature-age-not-capped
  bucket = "acme-tls-only"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::acme-tls-only", "arn:aws:s3:::acme-tls-only/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
