// aws-sdk-cpp, google-cloud-cpp and the Azure SDK for C++: expiries as literals, std::chrono
// durations and literals, constexpr/const/#define constants, and the defaults.
#include <aws/s3/S3Client.h>
#include <google/cloud/storage/client.h>
#include <azure/storage/blobs.hpp>
#include <chrono>

using namespace std::chrono_literals;
namespace gcs = google::cloud::storage;

#define LINK_TTL_SECONDS (2 * 24 * 3600)
namespace links {
constexpr long long kDownloadTtl = 86400;
}

class Links {
 public:
  static constexpr int kShortTtl = 600;
};

Aws::String Share(Aws::S3::S3Client& client, const Aws::String& bucket, const Aws::String& key) {
    const long long week = 7 * 24 * 60 * 60;
    auto a = client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, week); // expect: excessive-expiry
    auto b = client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET); // expect: excessive-expiry
    auto c = client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_PUT, LINK_TTL_SECONDS); // expect: excessive-expiry
    auto d = client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, links::kDownloadTtl); // expect: excessive-expiry
    auto e = client.GeneratePresignedUrlWithSSEKMS(bucket, key, Aws::Http::HttpMethod::HTTP_PUT, "alias/k", 86400); // expect: excessive-expiry
    auto f = client.GeneratePresignedUrlWithSSEC(bucket, key, Aws::Http::HttpMethod::HTTP_PUT, customerKey, std::chrono::duration_cast<std::chrono::seconds>(std::chrono::hours(12)).count()); // expect: excessive-expiry
    auto g = client.GeneratePresignedUrlWithSSES3(bucket, key); // expect: excessive-expiry
    // Within the limit.
    auto h = client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, Links::kShortTtl);
    auto i = client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 15 * 60);
    return a + b + c + d + e + f + g + h + i;
}

std::string ShareGcs(gcs::Client& client, std::string const& bucket, std::string const& object) {
    auto v4 = client.CreateV4SignedUrl("GET", bucket, object, gcs::SignedUrlDuration(std::chrono::hours(24 * 3))); // expect: excessive-expiry
    auto lit = client.CreateV4SignedUrl("GET", bucket, object, gcs::SignedUrlDuration(48h)); // expect: excessive-expiry
    auto ok = client.CreateV4SignedUrl("GET", bucket, object, gcs::SignedUrlDuration(std::chrono::minutes(15)));
    auto v2 = client.CreateV2SignedUrl("GET", bucket, object, gcs::ExpirationTime(std::chrono::system_clock::now() + std::chrono::hours(6))); // expect: excessive-expiry
    return v4.value() + lit.value() + ok.value() + v2.value();
}

std::string ShareAzure(const std::shared_ptr<Azure::Storage::StorageSharedKeyCredential>& credential) {
    Azure::Storage::Sas::BlobSasBuilder sasBuilder;
    sasBuilder.BlobContainerName = "photos";
    sasBuilder.BlobName = "cat.png";
    sasBuilder.Resource = Azure::Storage::Sas::BlobSasResource::Blob;
    sasBuilder.ExpiresOn = std::chrono::system_clock::now() + std::chrono::hours(24 * 30); // expect: excessive-expiry
    sasBuilder.SetPermissions(Azure::Storage::Sas::BlobSasPermissions::Read);
    return sasBuilder.GenerateSasToken(*credential);
}
