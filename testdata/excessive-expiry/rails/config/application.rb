require_relative "boot"
require "rails/all"

module Reports
  class Application < Rails::Application
    config.load_defaults 7.1
    config.active_storage.service_urls_expire_in = ENV.fetch("SERVICE_URLS_EXPIRE_IN") { 12.hours } # expect: excessive-expiry

    # Within policy: silent.
    config.active_storage.service_urls_expire_in = 10.minutes if ENV["SHORT_LINKS"]
  end
end
