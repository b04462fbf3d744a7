#pragma once

#include <cstdint>
#include <string>

namespace ps::media {

// A pleasant JPEG for demo data and tests, made with libvips: a diagonal
// two-colour gradient with soft waves, colours and angle chosen from `seed`.
// No text: Pango's font-loading thread races with its first caller and can
// crash the process (SIGFPE in g_hash_table_lookup, pango 1.50). The same
// arguments give the same bytes. Blocking.
// Throws std::invalid_argument unless 1 <= width, height <= 10000.
std::string render_demo_image(int width, int height, std::uint32_t seed);

}  // namespace ps::media
