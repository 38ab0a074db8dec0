require_relative "storage/s3"

module Links
  DAY = 86400
  TTL = 7 * DAY
  SHORT_TTL = 300

  def self.signed_link(key, ttl = 36000)
    Storage::S3.presign(key, ttl)
  end

  def self.keyword_link(key, ttl: 7200)
    Storage::S3.presign(key, ttl)
  end

  def self.forwarded(key, ttl)
    # A value from an unknown source stays dynamic.
    signed_link(key, ttl)
  end

  def self.capped(key)
    Storage::S3.presign_capped(key, 999999)
  end

  def self.fixed(key)
    Storage::S3.presign_fixed(key)
  end
end
