# Partial wildcards are graded by what they grant: read-only bucket metadata on named buckets
# is a note; writes, deletes, policy or ACL changes, object reads, every bucket, or a resource
# that is not known to be one bucket stay warnings.

variable "state_bucket_arn" {
  type = string
}

# The CI role reads the Terraform state bucket's configuration (the report's case).
data "aws_iam_policy_document" "ci_state" {
  statement {
    actions   = ["s3:GetBucket*"] # expect: wildcard-s3-policy@note
    resources = ["arn:aws:s3:::acme-terraform-state"]
  }

  statement {
    actions   = ["s3:ListBucket*", "s3:GetBucketVersioning"] # expect: wildcard-s3-policy@note
    resources = [aws_s3_bucket.state.arn]
  }

  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::acme-terraform-state/env/*"]
  }
}

data "aws_iam_policy_document" "risky_partials" {
  # Object reads: `GetObject` is among what `s3:Get*` matches.
  statement {
    actions   = ["s3:Get*"] # expect: wildcard-s3-policy@warning
    resources = ["arn:aws:s3:::acme-terraform-state/*"]
  }

  # Policy changes and deletes.
  statement {
    actions   = ["s3:*Policy"] # expect: wildcard-s3-policy@warning
    resources = ["arn:aws:s3:::acme-terraform-state"]
  }

  statement {
    actions   = ["s3:DeleteObject*"] # expect: wildcard-s3-policy@warning
    resources = ["arn:aws:s3:::acme-terraform-state/*"]
  }

  # ACL writes.
  statement {
    actions   = ["s3:PutObject?cl"] # expect: wildcard-s3-policy@warning
    resources = ["arn:aws:s3:::acme-terraform-state/*"]
  }

  # A read-only metadata wildcard and a write wildcard: the write decides.
  statement {
    actions   = ["s3:GetBucket*", "s3:PutBucket*"] # expect: wildcard-s3-policy@warning
    resources = ["arn:aws:s3:::acme-terraform-state"]
  }
}

data "aws_iam_policy_document" "metadata_on_many_buckets" {
  # Every bucket.
  statement {
    actions   = ["s3:GetBucket*"] # expect: wildcard-s3-policy@warning
    resources = ["*"]
  }

  # A bucket-name wildcard is many buckets.
  statement {
    actions   = ["s3:GetBucket*"] # expect: wildcard-s3-policy@warning
    resources = ["arn:aws:s3:::acme-*"]
  }

  # A resource known only at deploy time may be `*`.
  statement {
    actions   = ["s3:GetBucket*"] # expect: wildcard-s3-policy@warning
    resources = [var.state_bucket_arn]
  }

  # Every resource but some.
  statement {
    actions       = ["s3:List*"] # expect: wildcard-s3-policy@warning
    not_resources = ["arn:aws:s3:::acme-secrets"]
  }
}

resource "aws_s3_bucket" "state" {
  bucket = "acme-terraform-state"
}

resource "aws_s3_bucket_logging" "state" {
  bucket        = aws_s3_bucket.state.id
  target_bucket = "acme-access-logs"
}
