require "aws-sdk-s3"

LINK_TTL = 15 * 60

class Links
  def initialize(bucket)
    @bucket = bucket
  end

  def share(key, expires_in: LINK_TTL)
    @bucket.object(key).presigned_url(:get, expires_in: expires_in)
  end

  def names(keys)
    keys.each do |key|
      puts key.length
    end
    keys.map { |k| k.strip }
  end
end
