Rails.application.configure do
  config.active_storage.service_urls_expire_in = ENV.fetch("URLS_EXPIRE_IN", 30.days) # expect: expiry-exceeds-limit
end
