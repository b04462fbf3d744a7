#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ps::media {

// Initialises libvips once per process: no operation cache, one thread per
// pipeline (the WorkerPool provides the parallelism), untrusted loaders
// blocked, libvips warnings sent to the debug log. Safe to call from any thread.
void ensure_vips();

// One resized rendition of an upload, encoded as WebP without metadata.
struct Variant {
  int width = 0;
  int height = 0;
  std::string webp;
};

struct ProcessedImage {
  std::string format;  // jpeg | png | webp | gif, as proven by decoding
  int width = 0;       // upright (after EXIF orientation)
  int height = 0;
  std::vector<Variant> variants;  // one per requested width, in the same order
};

// Proves that `bytes` are a JPEG, PNG, WebP or GIF image by decoding them
// with libvips, then renders one upright, metadata-free WebP per target
// width, never wider than the original. Blocking and CPU-heavy: WorkerPool.
// Throws ApiError 415 (not one of those formats) or 422 with errors.file
// (empty, more than max_pixels pixels, truncated or corrupt).
ProcessedImage process_image(std::string_view bytes, std::uint64_t max_pixels,
                             const std::vector<int>& target_widths);

// Removes the EXIF, XMP and ICC chunks of a WebP file (see processing.cpp for
// why libvips' own `strip` is not enough). Throws std::runtime_error when the
// data is not a well-formed WebP RIFF container.
std::string strip_webp_metadata(std::string_view webp);

}  // namespace ps::media
