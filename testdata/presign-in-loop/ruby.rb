# Presign calls that run once per element, and look-alikes that must stay silent.
require "aws-sdk-s3"

class Gallery
  def initialize(bucket)
    @bucket = bucket
    @signer = Aws::S3::Presigner.new # expect: presign-client-without-region
  end

  def links(keys)
    keys.map { |key| @bucket.object(key).presigned_url(:get, expires_in: 600) } # expect: presign-in-loop
  end

  def each_link(keys)
    keys.each do |key|
      @signer.presigned_url(:get_object, bucket: "media", key: key, expires_in: 600) # expect: presign-in-loop
    end
    keys.each_with_index { |key, i| @bucket.object("#{i}/#{key}").presigned_url(:get) } # expect: presign-in-loop
    keys.each_slice(100) { |slice| @bucket.object(slice.first).presigned_url(:get) } # expect: presign-in-loop
    3.times { |n| @bucket.object("part-#{n}").presigned_url(:get) } # expect: presign-in-loop
    1.upto(3) { |n| @bucket.object("v#{n}").presigned_url(:get) } # expect: presign-in-loop
    Report.find_each { |report| @bucket.object(report.key).presigned_url(:get) } # expect: presign-in-loop
    for key in keys
      @bucket.object(key).presigned_url(:get) # expect: presign-in-loop
    end
    i = 0
    while i < keys.size
      @bucket.object(keys[i]).presigned_url(:get) # expect: presign-in-loop
      i += 1
    end
    loop do
      @bucket.object(keys.pop).presigned_url(:get) # expect: presign-in-loop
      break if keys.empty?
    end
  end

  # A batch helper by its name.
  def presign_all(key)
    @bucket.object(key).presigned_url(:get) # expect: presign-in-loop
  end

  # --- Precision traps: all silent. ---

  # One URL per request.
  def download(key)
    @bucket.object(key).presigned_url(:get, expires_in: 300)
  end

  # A lambda created in a loop but not called by it.
  def handlers(keys)
    keys.each_key { |key| @handlers[key] = -> { @bucket.object(key).presigned_url(:get) } }
  end

  # Non-presign calls in a loop.
  def other(keys)
    keys.each { |key| @bucket.object(key).exists? }
  end

  # The parts of one multipart upload are presigned together by design.
  def parts(upload_id, count)
    (1..count).map do |n|
      @signer.presigned_url(:upload_part, bucket: "media", key: "big", upload_id: upload_id, part_number: n)
    end
  end
end
