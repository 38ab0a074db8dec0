variable "bucket_name" {
  type = string
}

variable "verb" {
  type = string
}

data "aws_iam_policy_document" "presigner" {
  statement {
    sid       = "EverythingOnTheBucket"
    actions   = ["s3:*"] # expect: wildcard-s3-policy
    resources = ["arn:aws:s3:::${var.bucket_name}/*"]
  }

  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${var.bucket_name}/*"]
  }

  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    actions   = ["s3:${var.verb}"]
    resources = ["*"]
  }

  statement {
    actions   = ["logs:*", "cloudwatch:PutMetricData"]
    resources = ["*"]
  }
}

resource "aws_iam_role" "presigner" {
  name = "presigner"
  # Trust policy: not an S3 grant.
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy" "presigner_jsonencode" {
  role = aws_iam_role.presigner.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = "*" # expect: wildcard-s3-policy
      },
      {
        Effect   = "Allow"
        Action   = "*" # expect: wildcard-s3-policy
        Resource = "${aws_s3_bucket.media.arn}/*"
      },
    ]
  })
}

resource "aws_iam_policy" "presigner_heredoc" {
  name   = "presigner-heredoc"
  policy = <<-EOF
    {"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::${var.bucket_name}/*"},
      {"Effect": "Allow", "Action": "s3:Get*", "Resource": "arn:aws:s3:::${var.bucket_name}/*"}
    ]}
  EOF
  # expect^^^: wildcard-s3-policy
}

resource "aws_iam_policy" "presigner_string" {
  name   = "presigner-string"
  policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"}]}" # expect: wildcard-s3-policy
}

resource "aws_iam_policy" "narrow" {
  name = "narrow"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = "arn:aws:s3:::${var.bucket_name}/*"
    }]
  })
}
