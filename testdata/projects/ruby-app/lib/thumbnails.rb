require_relative "storage/s3"
require_relative "albums"

module Thumbnails
  def self.thumbnail_link(key, ttl)
    Storage::S3.presign("thumbs/#{key}", ttl)
  end

  def self.album_thumbnail(album_id)
    # An album without a cover shows its parent's: Albums calls back into this module.
    key = Albums.cover_key(album_id)
    return Albums.parent_thumbnail(album_id) if key.nil?

    thumbnail_link(key, 600)
  end

  def self.banner(album_id)
    Albums.cover_link(album_id, 2 * 86400) # expect: excessive-expiry
  end
end
