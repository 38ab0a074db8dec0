# A default given with a conditional expression.
require "aws-sdk-s3"

DEFAULT_TTL = 2 * 86_400

def link(bucket, key, ttl = nil)
  Aws::S3::Object.new(bucket, key, region: "eu-west-1").presigned_url(:get, expires_in: ttl ? ttl : DEFAULT_TTL) # expect: excessive-expiry
end

def short_link(bucket, key, ttl = nil)
  Aws::S3::Object.new(bucket, key, region: "eu-west-1").presigned_url(:get, expires_in: ttl ? ttl : 300)
end
