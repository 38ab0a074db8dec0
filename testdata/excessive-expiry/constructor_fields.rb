# Fields a class's constructor sets, read by its other methods.
require "aws-sdk-s3"

class ReportLinks
  def initialize(bucket)
    @bucket = Aws::S3::Resource.new(region: "eu-west-1").bucket(bucket)
    @ttl = 2.days.to_i
  end

  def report(key)
    @bucket.object(key).presigned_url(:get, expires_in: @ttl) # expect: excessive-expiry
  end
end

class ShortLinks
  def initialize(bucket)
    @bucket = Aws::S3::Resource.new(region: "eu-west-1").bucket(bucket)
    @ttl = 300
  end

  def link(key)
    @bucket.object(key).presigned_url(:get, expires_in: @ttl)
  end
end

class ExpiringFiles
  # A keyword parameter's default: what an object built without it presigns with.
  DEFAULT_EXPIRY = 7.days

  def initialize(bucket, expiry: DEFAULT_EXPIRY)
    @bucket = Aws::S3::Resource.new(region: "eu-west-1").bucket(bucket)
    @expiry = expiry.to_i
  end

  def link(key)
    @bucket.object(key).presigned_url(:get, expires_in: @expiry) # expect: excessive-expiry
  end
end
