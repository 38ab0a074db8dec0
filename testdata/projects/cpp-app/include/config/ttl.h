// Link lifetimes shared by the whole project.
#pragma once
#include <cstdint>

namespace cfg {
constexpr uint64_t kLinkTtlSeconds = 7 * 24 * 3600;
constexpr uint64_t kPreviewTtlSeconds = 5 * 60;
}  // namespace cfg
