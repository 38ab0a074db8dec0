# A command-line script (issue 14, item 2): puts is for its user; a logger is a log.
require "aws-sdk-s3"
require "logger"

logger = Logger.new("presign.log")

def link(bucket, key)
  Aws::S3::Resource.new(region: "eu-west-1").bucket(bucket).object(key).presigned_url(:get, expires_in: 900)
end

if __FILE__ == $PROGRAM_NAME
  url = link(ARGV[0], ARGV[1])
  puts url
  $stderr.puts "valid for 15 minutes: #{url}"
  logger.info("presigned #{url}") # expect: presigned-url-logged
end
