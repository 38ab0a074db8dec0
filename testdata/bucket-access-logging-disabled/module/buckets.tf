# A module split over two files: the logging of `media` is in logging.tf beside this file.
resource "aws_s3_bucket" "media_logs" {
  bucket = "acme-media-logs"
}

resource "aws_s3_bucket" "media" {
  bucket = "acme-media"
}

resource "aws_s3_bucket" "scratch" { # expect: bucket-access-logging-disabled
  bucket = "acme-scratch"
}
