variable "max_signature_age_ms" {
  type = number
}

resource "aws_s3_bucket_policy" "uploads" { # expect: signature-age-not-capped
  bucket = "acme-uploads"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/web-app" }
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::acme-uploads/*"
    }]
  })
}

resource "aws_s3_bucket_policy" "capped" {
  bucket = "acme-reports"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyPresignedOlderThan1Hour"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "arn:aws:s3:::acme-reports/*"
      Condition = { NumericGreaterThan = { "s3:signatureAge" = 3600000 } }
    }]
  })
}

resource "aws_s3_bucket_policy" "heredoc" { # expect: signature-age-not-capped
  bucket = "acme-heredoc"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:role/web-app"},
      "Action": "s3:PutObject",
      "Resource": "arn:aws:s3:::acme-heredoc/*"
    }
  ]
}
EOF
}

data "aws_iam_policy_document" "exports" { # expect: signature-age-not-capped
  statement {
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/exporter"]
    }
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::acme-exports/*"]
  }
}

data "aws_iam_policy_document" "capped_exports" {
  statement {
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/exporter"]
    }
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::acme-capped-exports/*"]
  }
  statement {
    effect = "Deny"
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::acme-capped-exports/*"]
    condition {
      test     = "NumericGreaterThan"
      variable = "s3:signatureAge"
      values   = ["600000"]
    }
  }
}

data "aws_iam_policy_document" "templated_cap" {
  statement {
    effect = "Deny"
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::acme-templated/*"]
    condition {
      test     = "NumericGreaterThan"
      variable = "s3:signatureAge"
      values   = [var.max_signature_age_ms]
    }
  }
}

# Merged with documents defined elsewhere: the cap may be there.
data "aws_iam_policy_document" "merged" {
  source_policy_documents = [data.aws_iam_policy_document.capped_exports.json]
  statement {
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/exporter"]
    }
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-merged/*"]
  }
}

# Identity policy (no principal): out of scope.
data "aws_iam_policy_document" "reader" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-uploads/*"]
  }
}

# A policy built from a data source: the data source itself is checked where it is declared.
resource "aws_s3_bucket_policy" "from_data" {
  bucket = "acme-exports"
  policy = data.aws_iam_policy_document.capped_exports.json
}

# Resources given by reference to the bucket: still a bucket policy.
data "aws_iam_policy_document" "by_reference" { # expect: signature-age-not-capped
  statement {
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:role/web-app"]
    }
    actions   = ["s3:GetObject"]
    resources = [aws_s3_bucket.uploads.arn, "${aws_s3_bucket.uploads.arn}/*"]
  }
}

# A topic policy (principal, no S3 resource): not a bucket policy.
data "aws_iam_policy_document" "topic" {
  statement {
    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }
    actions   = ["SNS:Publish"]
    resources = [aws_sns_topic.uploads.arn]
  }
}
