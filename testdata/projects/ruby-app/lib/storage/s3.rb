require "aws-sdk-s3"

module Storage
  module S3
    def self.presign(key, expires)
      Aws::S3::Presigner.new(client: Aws::S3::Client.new(region: "eu-west-1")).presigned_url(:get_object, bucket: "media", key: key, expires_in: expires)
    end

    def self.presign_fixed(key)
      # The expiry is fixed inside: reported here once, never at the callers.
      Aws::S3::Presigner.new(client: Aws::S3::Client.new(region: "eu-west-1")).presigned_url(:get_object, bucket: "media", key: key, expires_in: 86400) # expect: excessive-expiry
    end

    def self.presign_capped(key, expires)
      # The parameter is overridden inside the wrapper: callers do not decide the expiry.
      expires = 600
      Aws::S3::Presigner.new(client: Aws::S3::Client.new(region: "eu-west-1")).presigned_url(:get_object, bucket: "media", key: key, expires_in: expires)
    end

    def self.object_link(obj, expires)
      obj.presigned_url(:get, expires_in: expires)
    end

    def self.presign_with_retry(key, expires, attempts = 3)
      # Recursive: a transient credentials failure is retried with one attempt less.
      Aws::S3::Presigner.new(client: Aws::S3::Client.new(region: "eu-west-1")).presigned_url(:get_object, bucket: "media", key: key, expires_in: expires)
    rescue Aws::Errors::MissingCredentialsError
      raise if attempts <= 1

      presign_with_retry(key, expires, attempts - 1)
    end
  end
end
