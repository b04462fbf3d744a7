#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ps::media {

// A pleasant JPEG for demo data and tests, made with libvips: a diagonal
// two-colour gradient with soft waves, colours chosen from `seed`, and
// `label` drawn in the middle (when libvips can render text here; skipped
// otherwise). The same arguments give the same bytes. Blocking.
// Throws std::invalid_argument unless 1 <= width, height <= 10000.
std::string render_demo_image(int width, int height, std::uint32_t seed, std::string_view label);

}  // namespace ps::media
