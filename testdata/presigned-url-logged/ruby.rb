# Presigned URLs written to output or logs, and look-alikes that must stay silent.
require "aws-sdk-s3"
require "logger"

class Share
  def initialize(bucket)
    @bucket = bucket
    @logger = Logger.new($stdout)
  end

  def share(key)
    url = @bucket.object(key).presigned_url(:get, expires_in: 600)
    puts url # expect: presigned-url-logged
    puts "link: #{url}" # expect: presigned-url-logged
    p url # expect: presigned-url-logged
    pp url # expect: presigned-url-logged
    Rails.logger.info("link: " + url) # expect: presigned-url-logged
    @logger.debug("link #{url}") # expect: presigned-url-logged
    $stderr.puts(url) # expect: presigned-url-logged
    url
  end

  # --- Precision traps: all silent. ---

  def handler(key)
    url = @bucket.object(key).presigned_url(:get, expires_in: 300)
    Rails.logger.info("presigned #{key} for 300 s")
    puts key
    redirect_to url
  end

  def public_link(key)
    url = "https://media.example.com/#{key}"
    puts url
  end
end
