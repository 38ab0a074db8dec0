#pragma once
#include <aws/s3/S3Client.h>
#include <string>

std::string SignedLink(const Aws::S3::S3Client &client, const Aws::String &key, uint64_t expirySeconds);
std::string ShareLink(const Aws::S3::S3Client &client, const Aws::String &key, uint64_t ttl);
