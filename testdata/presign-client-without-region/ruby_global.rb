# presign-client-without-region: a process-wide region (config/initializers/aws.rb style).
require "aws-sdk-s3"

Aws.config.update(region: "eu-west-1")
SIGNER = Aws::S3::Presigner.new

def link(key)
  SIGNER.presigned_url(:get_object, bucket: "b", key: key)
end
