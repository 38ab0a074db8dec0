require_relative "../lib/storage/s3"

class Avatars
  def url(user_id)
    Storage::S3.presign_with_retry("avatars/#{user_id}.png", 900)
  end
end
