require_relative "storage/s3"

# Defaults given in the body: the caller's value wins when there is one.
module Defaults
  def self.link_or_default(key, expires = nil)
    expires ||= 600
    Storage::S3.presign(key, expires)
  end

  def self.archive(key)
    link_or_default(key, 2 * 86_400) # expect: excessive-expiry
  end

  def self.thumbnail(key)
    link_or_default(key)
  end
end
