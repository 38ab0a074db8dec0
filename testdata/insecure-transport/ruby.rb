# insecure-transport: aws-sdk-s3 clients and presigners over HTTP.
require "aws-sdk-s3"

def media_link(key)
  client = Aws::S3::Client.new(region: "eu-west-1", endpoint: "http://s3.eu-west-1.amazonaws.com") # expect: insecure-transport@error
  signer = Aws::S3::Presigner.new(client: client)
  signer.presigned_url(:get_object, bucket: "media", key: key, expires_in: 900)
end

def plain_link(key)
  signer = Aws::S3::Presigner.new(client: Aws::S3::Client.new(region: "eu-west-1"))
  signer.presigned_url(:get_object, bucket: "b", key: key, expires_in: 900, secure: false) # expect: insecure-transport
end

def dev_link(key)
  client = Aws::S3::Client.new(region: "us-east-1", endpoint: "http://localhost:9000", force_path_style: true) # expect: insecure-transport@note
  Aws::S3::Presigner.new(client: client).presigned_url(:get_object, bucket: "dev", key: key)
end

# Negatives: https, secure: true, a client that does not presign, a client passed in.
def secure_link(key)
  client = Aws::S3::Client.new(region: "eu-west-1", endpoint: "https://s3.eu-west-1.amazonaws.com")
  Aws::S3::Presigner.new(client: client).presigned_url(:get_object, bucket: "b", key: key, secure: true)
end

def upload(key)
  client = Aws::S3::Client.new(region: "eu-west-1", endpoint: "http://s3.internal:9000")
  client.put_object(bucket: "b", key: key, body: "x")
end

def injected(signer, key)
  signer.presigned_url(:get_object, bucket: "b", key: key)
end
# endpoint: "http://example.com", secure: false (a comment)
