# Active Storage signs every service URL (S3: presigned) for service_urls_expire_in.
Rails.application.configure do
  config.active_storage.service = :amazon
  config.active_storage.service_urls_expire_in = 1.day # expect: excessive-expiry

  # Traps: caches, not signed URLs.
  config.cache_store = :redis_cache_store, { url: ENV["REDIS_URL"], expires_in: 90.days }
  config.action_controller.page_cache_expires_in = 30.days
end

Rails.cache.write("report", "body", expires_in: 30.days)
