# Tests that the SDK refuses an expiry over its limit: made to fail, the call signs nothing.
require "aws-sdk-s3"

RSpec.describe "presigning" do
  let(:signer) { Aws::S3::Presigner.new }

  it "refuses eight days" do
    expect { signer.presigned_url(:get_object, bucket: "b", key: "k", expires_in: 691_200) }.to raise_error(ArgumentError)
  end

  it "signs eight days" do
    expect { signer.presigned_url(:get_object, bucket: "b", key: "k", expires_in: 691_200) }.not_to raise_error # expect: expiry-exceeds-limit
  end
end

class PresignTest < Minitest::Test
  def test_refuses
    assert_raises(ArgumentError) do
      Aws::S3::Presigner.new.presigned_url(:get_object, bucket: "b", key: "k", expires_in: 691_200)
    end
  end
end
