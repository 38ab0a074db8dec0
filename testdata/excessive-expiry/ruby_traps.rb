# frozen_string_literal: true

# Expiry-looking code that is not a presign: every line here must stay silent.
# A comment mentioning presigned_url(:get, expires_in: 604800) is not a call.
require "jwt"

class SessionsController < ApplicationController
  LONG = 7.days

  def create
    # Cookies, caches, tokens and Redis keys expire too; none of them is a presigned URL.
    cookies[:session] = { value: session_token, expires: 7.days, httponly: true }
    cookies.signed[:remember] = { value: current_user.id, expires: 30.days.from_now }
    Rails.cache.write(cache_key, payload, expires_in: 7.days)
    Rails.cache.fetch("feed/#{current_user.id}", expires_in: 12.hours) { build_feed }
    token = JWT.encode({ sub: current_user.id, exp: Time.now.to_i + 7 * 86400 }, secret, "HS256")
    redis.setex("session:#{token}", 604800, current_user.id)
    redis.expire("throttle:#{request.ip}", LONG.to_i)
    render json: { token: token, expires_in: 604800 }
  end

  # A local helper that happens to share the SDK's method and keyword names: a definition,
  # not a call, and its callers pass no receiver.
  def presigned_url(expires_in: 604800)
    "https://example.com/download?ttl=#{expires_in}"
  end

  def show
    redirect_to presigned_url(expires_in: 604800)
  end

  # Presign calls whose expiry is only known at run time: counted as dynamic, never reported.
  def forwarded(obj, expires_in: 604800)
    obj.presigned_url(:get, expires_in: expires_in)
  end

  def from_params(obj)
    obj.presigned_url(:get, expires_in: params.fetch(:ttl, 604800).to_i)
  end

  # Active Storage's `url(expires_in:)` is in the catalog now (see active_storage.rb); Shrine's
  # `url(expires_in:)` is the same shape and reads the same way. Without `expires_in:` it is
  # any other `url`.
  def avatar
    redirect_to current_user.avatar.url
  end

  # google-cloud-storage's File#signed_url takes seconds, not a time, and is not CloudFront's.
  def gcs(file)
    file.signed_url(method: "GET", expires: 300)
  end
end
