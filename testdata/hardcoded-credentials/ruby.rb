require "aws-sdk-s3"

# Positives.
client = Aws::S3::Client.new(
  region: "eu-west-1",
  access_key_id: "AKIAUJZDEGXDNCF32EPF", # expect: hardcoded-credentials
  secret_access_key: "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"
)

creds = Aws::Credentials.new("AKIAH2KVJ72CEUVW75EF", "I8ihN5KXSc7Tvo/hBKqFYY/kv5ZJr3J1TWDtkwtD") # expect: hardcoded-credentials

Aws.config.update(
  credentials: Aws::Credentials.new("AKIAOA7LQSAJ2XUID5ZZ", "ZYn9ZhyiA4uoRgnatmUdjAWtGSU8po+799NksnRH") # expect: hardcoded-credentials
)

OPTIONS = { :access_key_id => "AKIA6KBNXJBTFQXKWOVO", :secret_access_key => "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" } # expect: hardcoded-credentials
other = Aws::S3::Resource.new(**OPTIONS)

# Negatives.
from_env = Aws::S3::Client.new(access_key_id: ENV["AWS_ACCESS_KEY_ID"], secret_access_key: ENV.fetch("AWS_SECRET_ACCESS_KEY"))
docs = Aws::Credentials.new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
local = Aws::S3::Client.new(endpoint: "http://localhost:9000", access_key_id: "minioadmin", secret_access_key: "minioadmin")

def client_for(id, secret)
  Aws::S3::Client.new(access_key_id: id, secret_access_key: secret)
end
