# Rails Active Storage and google-cloud-storage in Ruby (issue 15).
class DownloadsController < ApplicationController
  def show
    redirect_to @document.file.url(expires_in: 30.days) # expect: expiry-exceeds-limit
  end

  def avatar
    redirect_to current_user.avatar.url(expires_in: 2.hours, disposition: :attachment) # expect: excessive-expiry
  end

  def direct_upload(blob)
    blob.service_url_for_direct_upload(expires_in: 1.day) # expect: excessive-expiry
  end

  def short
    redirect_to @document.file.url(expires_in: 5.minutes)
  end

  # A URL kept in the database for a year, through safe navigation and a constant.
  URL_TTL = 1.week

  def cached_image_url
    update(image_url: image.url(expires_in: 1.year)) # expect: expiry-exceeds-limit
  end

  def logo
    object.logo&.url(expires_in: URL_TTL) # expect: excessive-expiry
  end

  def gcs(file)
    file.signed_url(method: "GET", expires: 8 * 24 * 3600, version: :v4) # expect: expiry-exceeds-limit
  end

  def gcs_v2(file)
    file.signed_url(expires: 2 * 3600) # expect: excessive-expiry
  end

  def gcs_default(file)
    file.signed_url(method: "GET")
  end

  # Traps: a cache entry's expires_in, a plain url.
  def traps
    Rails.cache.write("k", "v", expires_in: 30.days)
    Rails.cache.fetch("report", expires_in: 12.hours) { build_report }
    @document.file.url
  end
end
