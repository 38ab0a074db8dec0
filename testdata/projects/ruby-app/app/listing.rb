require_relative "../lib/links"

class Listing
  def all(keys)
    keys.map { |k| Links.signed_link(k, 4 * 86400) } # expect: excessive-expiry, presign-in-loop
  end

  def each_one(keys)
    urls = []
    keys.each do |k|
      urls << Links.signed_link(k, 600) # expect: presign-in-loop
    end
    urls
  end

  def one(key)
    Links.signed_link(key, 2 * 3600) # expect: excessive-expiry
  end

  def level3(key, ttl)
    Links.forwarded(key, ttl)
  end

  def deep(key)
    level3(key, 10 * 86400) # expect: expiry-exceeds-limit
  end
end
