// Callers in another directory: literals, a constant of a header, a loop, a log.
#include <iostream>
#include <vector>

#include "config/ttl.h"
#include "storage/links.h"

std::string Download(const Aws::S3::S3Client &client, const Aws::String &key) {
    return SignedLink(client, key, 2 * 24 * 3600);  // expect: excessive-expiry
}

std::string Archive(const Aws::S3::S3Client &client, const Aws::String &key) {
    return ShareLink(client, key, cfg::kLinkTtlSeconds);  // expect: excessive-expiry
}

std::string Preview(const Aws::S3::S3Client &client, const Aws::String &key) {
    return SignedLink(client, key, cfg::kPreviewTtlSeconds);
}

std::vector<std::string> Gallery(const Aws::S3::S3Client &client, const std::vector<Aws::String> &keys) {
    std::vector<std::string> out;
    for (const auto &key : keys) {
        out.push_back(SignedLink(client, key, 600));  // expect: presign-in-loop
    }
    return out;
}

void Debug(const Aws::S3::S3Client &client, const Aws::String &key) {
    std::cout << "link: " << SignedLink(client, key, 300) << std::endl;  // expect: presigned-url-logged
}

// A lifetime from outside the program: not guessed.
std::string FromFlag(const Aws::S3::S3Client &client, const Aws::String &key, uint64_t seconds) {
    return SignedLink(client, key, seconds);
}
