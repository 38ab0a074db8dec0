// Traps: a std::chrono duration of a cache, a user's class with its own GeneratePresignedUrl
// taking other arguments, a SAS-like builder of something else.
#include <chrono>
#include <string>

class LinkStore {
 public:
  // Not aws-sdk-cpp's: two arguments, a key and a number of days.
  std::string GeneratePresignedUrl(const std::string& key, int days) const;
};

void Warm(LinkStore& store, Cache& cache) {
    const auto cacheTtl = std::chrono::hours(24 * 30);
    cache.Put("thumbnails", cacheTtl);
    cache.ExpiresOn = std::chrono::system_clock::now() + std::chrono::hours(24 * 365);
    auto link = store.GeneratePresignedUrl("cat.png", 30);
    constexpr int kSessionSeconds = 7 * 24 * 3600;
    session.SetTimeout(kSessionSeconds);
}
