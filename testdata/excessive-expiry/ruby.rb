# frozen_string_literal: true

# Share links for the reports bucket: aws-sdk-s3 presigned URLs and CloudFront signed URLs
# valid longer than the 1 hour policy.
require "aws-sdk-s3"
require "aws-sdk-cloudfront"

ONE_DAY = 24 * 60 * 60
SHARE_TTL = 12.hours

class ReportLinks
  def initialize(client, signer)
    @client = client
    @signer = signer
  end

  # Presigner with a literal keyword argument.
  def daily(key)
    presigner = Aws::S3::Presigner.new(client: @client)
    presigner.presigned_url(:get_object, bucket: "acme-reports", key: key, expires_in: 86_400) # expect: excessive-expiry
  end

  # A constant defined at the top of the file.
  def constant(key)
    Aws::S3::Presigner.new(client: @client).presigned_url(:get_object, bucket: "acme-reports", key: key, expires_in: ONE_DAY) # expect: excessive-expiry
  end

  # Resource form, ActiveSupport duration converted with to_i: exactly a week is still accepted.
  def upload(bucket, key)
    obj = bucket.object(key)
    obj.presigned_url(:put, expires_in: 7.days.to_i) # expect: excessive-expiry
  end

  # The expiry on the next line of a multi-line call, through a local.
  def multi_line(bucket, key)
    ttl = SHARE_TTL.to_i
    bucket.object(key).presigned_url(
      :get,
      expires_in: ttl, # expect: excessive-expiry
      response_content_disposition: "attachment"
    )
  end

  # No parentheses, and the params passed as a hash.
  def no_parens(obj)
    obj.presigned_url :get, expires_in: 2 * 3600 # expect: excessive-expiry
  end

  def hash_params(obj)
    params = { expires_in: 3 * ONE_DAY } # expect: excessive-expiry
    obj.presigned_url(:get, params)
  end

  # Presigned POST: signature_expiration is a point in time.
  def post(obj)
    obj.presigned_post(signature_expiration: Time.now + 7200) # expect: excessive-expiry
  end

  def post_from_now(bucket)
    bucket.presigned_post(key: "uploads/${filename}", signature_expiration: 6.hours.from_now) # expect: excessive-expiry
  end

  # CloudFront canned policy: thirty days (no 7-day limit, only the policy).
  def cloudfront(url)
    @signer = Aws::CloudFront::UrlSigner.new(key_pair_id: "K2JCJMDEHXQW5F", private_key_path: "cf.pem")
    signer = Aws::CloudFront::UrlSigner.new(key_pair_id: "K2JCJMDEHXQW5F", private_key_path: "cf.pem")
    signer.signed_url(url, expires: Time.now + 3600 * 24 * 30) # expect: excessive-expiry
  end

  def cloudfront_epoch(url, signer)
    signer.signed_url(url, expires: Time.now.to_i + 2 * 3600) # expect: excessive-expiry
  end

  # Not findings: short expiries, SDK defaults, and values only known at run time.
  def fine(bucket, key, params)
    bucket.object(key).presigned_url(:get)
    bucket.object(key).presigned_url(:get, expires_in: 900)
    bucket.object(key).presigned_url(:get, expires_in: 1.hour.to_i)
    bucket.object(key).presigned_post(key: key)
    bucket.object(key).presigned_url(:get, expires_in: params[:ttl])
    # A lookup's default is what runs when the variable is unset: reported (issue 14, item 7).
    bucket.object(key).presigned_url(:get, expires_in: ENV.fetch("LINK_TTL", "86400").to_i) # expect: excessive-expiry
    @signer.signed_url("https://d111111abcdef8.cloudfront.net/a.pdf", expires: Time.now + 300)
  end

  def from_argument(obj, ttl)
    obj.presigned_url(:get, expires_in: ttl)
  end
end
