# Defaults behind a lookup (issue 14, item 7).
class EnvLinks
  def fetch_default(obj)
    obj.presigned_url(:get, expires_in: ENV.fetch("URL_TTL", 86400).to_i) # expect: excessive-expiry
  end

  def or_default(obj)
    obj.presigned_url(:get, expires_in: (ENV["URL_TTL"] || 21600).to_i) # expect: excessive-expiry
  end

  def block_default(obj)
    obj.presigned_url(:get, expires_in: ENV.fetch("URL_TTL") { 7200 }.to_i) # expect: excessive-expiry
  end

  def over_limit(obj)
    obj.presigned_url(:get, expires_in: ENV.fetch("URL_TTL", "864000").to_i) # expect: expiry-exceeds-limit
  end

  # --- Traps: all silent. ---

  def short(obj)
    obj.presigned_url(:get, expires_in: ENV.fetch("URL_TTL", 900).to_i)
  end

  def unset(obj)
    obj.presigned_url(:get, expires_in: ENV.fetch("URL_TTL").to_i)
  end

  def minutes_from_a_string(obj)
    # The default is a string, converted and then counted in minutes: 4 hours.
    obj.presigned_url(:get, expires_in: ENV.fetch("URL_TTL_MINUTES", "240").to_i.minutes.to_i) # expect: excessive-expiry
  end

  def short_minutes_from_a_string(obj)
    obj.presigned_url(:get, expires_in: ENV.fetch("URL_TTL_MINUTES", "15").to_i.minutes.to_i)
  end

  def cache(obj)
    # A block that computes a value per key is not a default.
    obj.presigned_url(:get, expires_in: Rails.cache.fetch("ttl") { |k| lookup(k) })
  end
end
