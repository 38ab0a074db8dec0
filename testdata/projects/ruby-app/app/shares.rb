require "logger"
require_relative "../lib/links"
require_relative "unrelated"

class Shares
  LOG = Logger.new($stdout)

  def share(key)
    Links.signed_link(key, Links::TTL) # expect: excessive-expiry
  end

  def share_default(key)
    Links.signed_link(key) # expect: excessive-expiry
  end

  def share_keyword_default(key)
    Links.keyword_link(key) # expect: excessive-expiry
  end

  def share_keyword(key)
    Links.keyword_link(key, ttl: 3 * 3600) # expect: excessive-expiry
  end

  def share_short(key)
    Links.signed_link(key, Links::SHORT_TTL)
  end

  def unrelated(key)
    # Same name as Links.signed_link, but this module's does not presign.
    Unrelated.signed_link(key, 999999)
  end

  def object(obj)
    Storage::S3.object_link(obj, 2 * 86400) # expect: excessive-expiry
  end

  def traced(key)
    url = Links.signed_link(key, 60)
    LOG.info("link #{url}") # expect: presigned-url-logged
  end
end
