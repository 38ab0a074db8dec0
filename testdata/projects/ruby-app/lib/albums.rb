require_relative "thumbnails"

module Albums
  def self.cover_key(album_id)
    return nil if album_id.nil? || album_id.start_with?("draft-")

    "albums/#{album_id}/cover.jpg"
  end

  def self.parent_thumbnail(album_id)
    Thumbnails.album_thumbnail(File.dirname(album_id))
  end

  def self.cover_link(album_id, ttl)
    Thumbnails.thumbnail_link(cover_key(album_id), ttl)
  end

  def self.album_page(album_id)
    { id: album_id, cover: Thumbnails.album_thumbnail(album_id) }
  end
end
