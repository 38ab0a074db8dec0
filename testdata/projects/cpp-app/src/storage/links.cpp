// The project's wrapper over the SDK, and a wrapper of the wrapper.
#include "storage/links.h"

#include <aws/core/http/HttpTypes.h>

std::string SignedLink(const Aws::S3::S3Client &client, const Aws::String &key, uint64_t expirySeconds) {
    return client.GeneratePresignedUrl("media", key, Aws::Http::HttpMethod::HTTP_GET, expirySeconds);
}

std::string ShareLink(const Aws::S3::S3Client &client, const Aws::String &key, uint64_t ttl) {
    return SignedLink(client, key, ttl);
}

// Recursion presigns nothing by itself: silent.
std::string Retry(const Aws::S3::S3Client &client, const Aws::String &key, uint64_t ttl) {
    return Retry(client, key, ttl * 2);
}
