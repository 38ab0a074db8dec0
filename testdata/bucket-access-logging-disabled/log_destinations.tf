# Buckets that AWS services write their logs to are log destinations: none of them needs
# access logging of its own. Ids and names are chosen so that none looks like a log bucket.

resource "aws_s3_bucket" "lb_archive" {
  bucket = "acme-lb-archive"
}

resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  access_logs {
    bucket  = aws_s3_bucket.lb_archive.id
    prefix  = "web"
    enabled = true
  }
}

resource "aws_s3_bucket" "classic_sink" {
  bucket = "acme-classic-sink"
}

resource "aws_elb" "legacy" {
  name = "legacy"
  access_logs {
    bucket   = "acme-classic-sink"
    interval = 60
  }
}

resource "aws_s3_bucket" "cdn_sink" {
  bucket = "acme-cdn-sink"
}

resource "aws_cloudfront_distribution" "site" {
  enabled = true
  logging_config {
    bucket = aws_s3_bucket.cdn_sink.bucket_domain_name
    prefix = "site/"
  }
}

resource "aws_s3_bucket" "audit_store" {
  bucket = "acme-audit-store"
}

resource "aws_cloudtrail" "org" {
  name           = "org"
  s3_bucket_name = aws_s3_bucket.audit_store.id
}

resource "aws_s3_bucket" "netflow" {
  bucket = "acme-netflow"
}

resource "aws_flow_log" "vpc" {
  log_destination      = aws_s3_bucket.netflow.arn
  log_destination_type = "s3"
  traffic_type         = "ALL"
  vpc_id               = "vpc-0a1b2c3d"
}

resource "aws_s3_bucket" "waf_sink" {
  bucket_prefix = "acme-waf-sink"
}

resource "aws_wafv2_web_acl_logging_configuration" "web" {
  log_destination_configs = [aws_s3_bucket.waf_sink.arn]
  resource_arn            = "arn:aws:wafv2:us-east-1:111122223333:regional/webacl/web/0a1b2c3d"
}

resource "aws_s3_bucket" "stream_sink" {
  bucket = "acme-stream-sink"
}

resource "aws_kinesis_firehose_delivery_stream" "events" {
  name        = "events"
  destination = "extended_s3"
  extended_s3_configuration {
    role_arn   = "arn:aws:iam::111122223333:role/firehose"
    bucket_arn = aws_s3_bucket.stream_sink.arn
  }
}

# A destination declared by its bucket policy for a log-delivery service, through a data
# document.
resource "aws_s3_bucket" "delivery_sink" {
  bucket = "acme-delivery-sink"
}

data "aws_iam_policy_document" "delivery_sink" {
  statement {
    principals {
      type        = "Service"
      identifiers = ["delivery.logs.amazonaws.com"]
    }
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.delivery_sink.arn}/AWSLogs/*"]
  }
}

resource "aws_s3_bucket_policy" "delivery_sink" {
  bucket = aws_s3_bucket.delivery_sink.id
  policy = data.aws_iam_policy_document.delivery_sink.json
}

# Named like a log bucket: the logs of another stack land here.
resource "aws_s3_bucket" "shared" {
  bucket = "acme-shared-access-logs"
}

# Trap: a bucket a service reads from (Lambda code) is no log destination.
resource "aws_s3_bucket" "code" { # expect: bucket-access-logging-disabled
  bucket = "acme-lambda-code"
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  s3_bucket     = aws_s3_bucket.code.id
  s3_key        = "worker.zip"
  role          = "arn:aws:iam::111122223333:role/worker"
  handler       = "main.handler"
  runtime       = "python3.12"
}

# Trap: a catalog is not a log (`log` inside a word does not count).
resource "aws_s3_bucket" "catalog" { # expect: bucket-access-logging-disabled
  bucket = "acme-catalog"
}
