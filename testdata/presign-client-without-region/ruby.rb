# presign-client-without-region: aws-sdk-s3.
require "aws-sdk-s3"

def no_region(key)
  signer = Aws::S3::Presigner.new(client: Aws::S3::Client.new) # expect: presign-client-without-region
  signer.presigned_url(:get_object, bucket: "b", key: key)
end

def default_client(key)
  Aws::S3::Presigner.new.presigned_url(:get_object, bucket: "b", key: key) # expect: presign-client-without-region
end

# Negatives: a region, a client passed in, a resource with a region.
def regional(key)
  client = Aws::S3::Client.new(region: "eu-west-1")
  Aws::S3::Presigner.new(client: client).presigned_url(:get_object, bucket: "b", key: key)
end

def injected(client, key)
  Aws::S3::Presigner.new(client: client).presigned_url(:get_object, bucket: "b", key: key)
end

def resource(key)
  s3 = Aws::S3::Resource.new(region: "eu-west-1")
  s3.bucket("b").object(key).presigned_url(:get)
end
