// Past the 7-day SigV4 / V4 ceiling: S3 and Cloud Storage reject these URLs when they are used.
#include <aws/s3/S3Client.h>
#include <google/cloud/storage/client.h>

namespace gcs = google::cloud::storage;
constexpr auto kThirtyDays = std::chrono::hours(24 * 30);

Aws::String Share(Aws::S3::S3Client& client, const Aws::String& bucket, const Aws::String& key) {
    return client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 30 * 24 * 3600); // expect: expiry-exceeds-limit
}

std::string ShareGcs(gcs::Client& client, std::string const& bucket, std::string const& object) {
    return client.CreateV4SignedUrl("GET", bucket, object, gcs::SignedUrlDuration(kThirtyDays)).value(); // expect: expiry-exceeds-limit
}

// The SDK's own maximum is fine.
Aws::String ShareWeek(Aws::S3::S3Client& client, const Aws::String& bucket, const Aws::String& key) {
    return client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 7 * 24 * 3600); // expect: excessive-expiry
}

Aws::String ShareCounted(Aws::S3::S3Client& client, const Aws::String& bucket, const Aws::String& key) {
    constexpr auto eightDays = std::chrono::hours(24 * 8);
    return client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, std::chrono::duration_cast<std::chrono::seconds>(eightDays).count()); // expect: expiry-exceeds-limit
}
