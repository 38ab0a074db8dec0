# frozen_string_literal: true

require "aws-sdk-s3"
require "rails_helper"

RSpec.describe DownloadsController, type: :request do
  # Legacy link from the v1 SDK days, kept to prove old links are rejected.
  let(:legacy_url) do
    "https://acme-uploads.s3.amazonaws.com/avatars/118/original.jpg?AWSAccessKeyId=AKIALCB7S7RAGVXAZAMB&Expires=1705317300&Signature=OrlZZtQL71UxCPb0QXnneAyv9Jo%3D" # expect: hardcoded-presigned-url, legacy-signature-version
  end

  let(:email_body) do
    <<~HTML
      <p>Your export is ready.</p>
      <p><a href="https://acme-uploads.s3-accelerate.amazonaws.com/exports/118/account-data.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Credential=AKIAPL5JRHWA2EAWFZDJ%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&amp;X-Amz-Date=20240115T101500Z&amp;X-Amz-Expires=3600&amp;X-Amz-SignedHeaders=host&amp;X-Amz-Signature=bde94bbb726556d334753204cd43ab5e3e0abebad5bc0dc32f764cf19e3f859b">Download</a></p>
      <!-- expect^: hardcoded-presigned-url -->
    HTML
  end

  let(:share_redirect) do
    "https://acme.example.org/s/redirect?u=https%3A%2F%2Fstorage.googleapis.com%2Facme-shares%2F118%2Fholiday.mov%3FGoogleAccessId%3Dshare-links%2540acme-photos-7712.iam.gserviceaccount.com%26Expires%3D1705404900%26Signature%3DB%252FmuIqlhj7w0Aqu9XJ2Wh5%252BBdTLPLnUOCL%252BGvWS8veCMDe25beA0ZP2KKmRB2kF9kMKLYjUkX2ZURGyq3ajinrlKMwhMWkhp9aX9LrgKmzPyDGIsuvVegOTIdeT6%252BKLO8MkuJ2mSBjmlZ4q88SIvp8lEKPTsCYaeuVSrvp%252FlI8M3UkVzsyZINoJe3xfnn7tkuDMFRdr%252BVU5ImtyvDElwzNc2EJ4YnVEL1ZpfejEMKAZG8JSHM4IoXLPQy9QKQ8f78ijZ2WgRSy5SzyhXGaLlPkH8lAjyB9U7ulxTHjfQjfcHJVXGpWZKolpOChRt1QG2IboPed0WCHZoKnm9uf4UJA%253D%253D" # expect: hardcoded-presigned-url
  end

  # VCR cassette body from the Azure backup service (PHP, so slashes are escaped).
  let(:backup_response) do
    '{"backup":{"id":118,"url":"https:\/\/acmebackups.blob.core.windows.net\/accounts\/118\/backup-2024-01-15.tar.zst?sv=2022-11-02&sr=b&sp=r&st=2024-01-15T10:15:00Z&se=2024-01-15T22:15:00Z&spr=https&sig=UMxiwqLNlXnr%2BYV%2F5XvuPE%2Bi7cA%2BI6lmZpBIXjh%2FkAM%3D"}}' # expect: hardcoded-presigned-url
  end

  let(:curl_hint) do
    <<~SH
      curl -o photo.jpg \\
        'https://acme-uploads.s3.amazonaws.com/avatars/118/large.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAKGMO4YKA7F4AH2RG%2F20240115%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240115T101500Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=1f2f9b1abc0c6ca7a9b57d6d8d49d7f29d4f78442676351f59628bc0fa6044c4'
      # expect^: hardcoded-presigned-url
    SH
  end

  # Not findings: placeholders and URL building.
  let(:doc_sample) do
    "https://examplebucket.s3.amazonaws.com/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620&Signature=EXAMPLE"
  end

  def build_url(bucket, key, expires, signature)
    "https://#{bucket}.s3.amazonaws.com/#{key}?AWSAccessKeyId=#{ENV.fetch('AWS_ACCESS_KEY_ID')}&Expires=#{expires}&Signature=#{signature}"
  end

  let(:presigner) { Aws::S3::Presigner.new(client: Aws::S3::Client.new(region: "us-east-1")) }

  it "signs fresh links for five minutes" do
    url = presigner.presigned_url(:get_object, bucket: "acme-uploads", key: "avatars/118/original.jpg", expires_in: 300)
    expect(URI(url).query).to include("X-Amz-Expires=300")
  end

  it "rejects captured links" do
    [legacy_url, share_redirect].each { |url| get "/downloads/resolve", params: { url: url } }
    expect(response).to have_http_status(:gone)
    expect(email_body).to include("Download")
    expect(backup_response).to include("backup")
    expect(curl_hint).to start_with("curl")
    expect(doc_sample).not_to be_empty
    expect(build_url("b", "k", 0, "s")).to start_with("https://")
  end
end
