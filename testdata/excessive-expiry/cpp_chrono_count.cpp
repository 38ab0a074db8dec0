// `std::chrono` durations handed to aws-sdk-cpp as seconds through `.count()`: the count is in
// the duration type's own unit, so only a duration in seconds gives the seconds it says.
#include <aws/core/client/ClientConfiguration.h>
#include <aws/s3/S3Client.h>
#include <chrono>

constexpr auto kDay = std::chrono::hours(24);
constexpr std::chrono::seconds kTwoHours{std::chrono::hours(2)};

Aws::String Share(const Aws::String& bucket, const Aws::String& key) {
    Aws::Client::ClientConfiguration config;
    config.region = "eu-west-1";
    Aws::S3::S3Client client(config);
    auto a = client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, std::chrono::duration_cast<std::chrono::seconds>(kDay).count()); // expect: excessive-expiry
    auto b = client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, kTwoHours.count()); // expect: excessive-expiry
    auto c = client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, std::chrono::seconds(std::chrono::hours(3)).count()); // expect: excessive-expiry
    // Traps: a day counted in hours is 24 "seconds"; fifteen minutes in seconds is in policy.
    auto d = client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, kDay.count());
    auto e = client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, std::chrono::duration_cast<std::chrono::seconds>(std::chrono::minutes(15)).count());
    return a + b + c + d + e;
}
