// aws-sdk-cpp presigning once per element: for, range-for, while, std::for_each and
// std::transform. A lambda only defined in a loop, or a loop around something else, is not.
#include <aws/s3/S3Client.h>
#include <algorithm>
#include <vector>

std::vector<Aws::String> PresignAll(Aws::S3::S3Client& client, const Aws::String& bucket,
                                    const std::vector<Aws::String>& keys) {
    std::vector<Aws::String> urls;
    for (const auto& key : keys) {
        urls.push_back(client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 900)); // expect: presign-in-loop
    }
    for (size_t i = 0; i < keys.size(); ++i) {
        urls.push_back(client.GeneratePresignedUrl(bucket, keys[i], Aws::Http::HttpMethod::HTTP_GET, 900)); // expect: presign-in-loop
    }
    size_t n = 0;
    while (n < keys.size()) {
        urls.push_back(client.GeneratePresignedUrl(bucket, keys[n++], Aws::Http::HttpMethod::HTTP_GET, 900)); // expect: presign-in-loop
    }
    std::for_each(keys.begin(), keys.end(), [&](const Aws::String& key) {
        urls.push_back(client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 900)); // expect: presign-in-loop
    });
    std::transform(keys.begin(), keys.end(), std::back_inserter(urls), [&](const Aws::String& key) {
        return client.GeneratePresignedUrl(bucket, key, Aws::Http::HttpMethod::HTTP_GET, 900); // expect: presign-in-loop
    });
    return urls;
}

// Negatives: one URL per call, a loop that only builds keys.
Aws::String PresignOne(Aws::S3::S3Client& client, const Aws::String& bucket, const std::vector<Aws::String>& parts) {
    Aws::String key;
    for (const auto& part : parts) {
        key += part;
    }
    auto presign = [&](const Aws::String& k) {
        return client.GeneratePresignedUrl(bucket, k, Aws::Http::HttpMethod::HTTP_GET, 900);
    };
    return presign(key);
}
