# presign-client-without-region: a Ruby Lambda handler (`handler(event:, context:)`); the
# runtime sets AWS_REGION, which the SDK reads: no finding.
require "aws-sdk-s3"

S3 = Aws::S3::Client.new

def handler(event:, context:)
  presigner = Aws::S3::Presigner.new(client: S3)
  url = presigner.presigned_url(:get_object, bucket: "reports", key: event["key"], expires_in: 600)
  { statusCode: 200, body: url }
end
