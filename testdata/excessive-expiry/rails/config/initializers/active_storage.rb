ActiveStorage.service_urls_expire_in = 2.hours # expect: excessive-expiry

class StorageTestHelper
  def long_links!
    # A test helper's override, inside a method: not the configuration.
    ActiveStorage.service_urls_expire_in = 1.year
  end
end
