// Tests that the SDK refuses an expiry over its limit: made to fail, the call signs nothing.
#include <aws/s3/S3Client.h>
#include <gtest/gtest.h>

TEST(PresignLimit, RejectsThirtyDays) {
    Aws::Client::ClientConfiguration config;
    config.region = "us-east-1";
    Aws::S3::S3Client client(config);
    EXPECT_THROW(client.GeneratePresignedUrl("b", "k", Aws::Http::HttpMethod::HTTP_GET, 30 * 24 * 3600), std::invalid_argument);
    EXPECT_NO_THROW(client.GeneratePresignedUrl("b", "k", Aws::Http::HttpMethod::HTTP_GET, 30 * 24 * 3600)); // expect: expiry-exceeds-limit
}
