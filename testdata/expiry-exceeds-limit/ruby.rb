# frozen_string_literal: true

# Presigned URLs valid longer than SigV4's 7-day ceiling: aws-sdk-s3 raises ArgumentError.
require "aws-sdk-s3"

TWO_WEEKS = 14 * 24 * 60 * 60

def presigner_literal(client, key)
  Aws::S3::Presigner.new(client: client).presigned_url(:get_object, bucket: "acme-archive", key: key, expires_in: 604_801) # expect: expiry-exceeds-limit
end

def presigner_constant(client, key)
  signer = Aws::S3::Presigner.new(client: client)
  signer.presigned_request(:get_object, bucket: "acme-archive", key: key, expires_in: TWO_WEEKS) # expect: expiry-exceeds-limit
end

def resource_duration(bucket, key)
  bucket.object(key).presigned_url(:get, expires_in: 30.days.to_i) # expect: expiry-exceeds-limit
end

def post_policy(bucket)
  bucket.presigned_post(key: "drops/${filename}", signature_expiration: Time.now + 8 * 86_400) # expect: expiry-exceeds-limit
end

# CloudFront has no 7-day limit: a year is only over the policy.
def cloudfront(url)
  signer = Aws::CloudFront::UrlSigner.new(key_pair_id: "K2JCJMDEHXQW5F", private_key_path: "cf.pem")
  signer.signed_url(url, expires: Time.now + 365 * 86_400) # expect: excessive-expiry
end
