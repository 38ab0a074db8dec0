#include <aws/s3/S3Client.h>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

constexpr long kLinkTtlSeconds = 15 * 60;

std::string Share(const Aws::S3::S3Client &client, const Aws::String &key) {
    return client.GeneratePresignedUrl("media", key, Aws::Http::HttpMethod::HTTP_GET,
                                       kLinkTtlSeconds);
}

size_t Count(const std::vector<std::string> &keys) {
    size_t total = 0;
    for (const auto &key : keys) {
        total += key.size();
        std::cout << key.size() << std::endl;
    }
    auto window = std::chrono::minutes(10);
    return total + window.count();
}
