# legacy-signature-version: aws-sdk-s3 legacy signing.
require "aws-sdk-s3"

LEGACY = Aws::S3::Client.new(region: "us-east-1", signature_version: "s3") # expect: legacy-signature-version

# Negatives: SigV4, another service's option hash, a comment.
MODERN = Aws::S3::Client.new(region: "us-east-1", signature_version: "v4")
OPTIONS = { signature_version: "s3" }
# Aws::S3::Client.new(signature_version: "s3")
