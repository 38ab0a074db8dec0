variable "bucket_id" {
  type = string
}

# Which bucket this logs cannot be known statically: no bucket of the module is reported.
resource "aws_s3_bucket_logging" "from_variable" {
  bucket        = var.bucket_id
  target_bucket = "acme-access-logs"
}

resource "aws_s3_bucket" "maybe_logged" {
  bucket = "acme-maybe-logged"
}
