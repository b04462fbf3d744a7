#include "media/processing.h"

#include "core/errors.h"

#include <spdlog/spdlog.h>
#include <vips/vips8>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace ps::media {

namespace {
using vips::VImage;

constexpr int kWebpQuality = 82;

struct BlobUnref {
  void operator()(VipsBlob* blob) const { vips_area_unref(VIPS_AREA(blob)); }
};
using BlobPtr = std::unique_ptr<VipsBlob, BlobUnref>;

std::string blob_bytes(const BlobPtr& blob) {
  std::size_t length = 0;
  const void* data = vips_blob_get(blob.get(), &length);
  return std::string(static_cast<const char*>(data), length);
}

void log_vips_message(const gchar* domain, GLogLevelFlags, const gchar* message, gpointer) {
  spdlog::debug("libvips {}: {}", domain ? domain : "", message ? message : "");
}

ApiError invalid_file(std::string message) {
  return ApiError::validation({{"file", {std::move(message)}}});
}

// The loaders we accept, by libvips nickname, and the format each one proves.
std::optional<std::string> sniff_format(std::string_view bytes) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kLoaders{{
      {"jpegload_buffer", "jpeg"},
      {"pngload_buffer", "png"},
      {"webpload_buffer", "webp"},
      {"gifload_buffer", "gif"},
  }};
  const char* type_name = vips_foreign_find_load_buffer(bytes.data(), bytes.size());
  if (!type_name) {
    vips_error_clear();  // "buffer is not in a known format"
    return std::nullopt;
  }
  const char* nickname = vips_nickname_find(g_type_from_name(type_name));
  if (!nickname) return std::nullopt;
  for (const auto& [loader, format] : kLoaders)
    if (loader == nickname) return std::string(format);
  return std::nullopt;
}

bool is_core_field(std::string_view name) {
  static constexpr std::array<std::string_view, 11> kCore{
      "width", "height", "bands",   "format",  "coding",  "interpretation",
      "xres",  "yres",   "xoffset", "yoffset", "filename"};
  return std::find(kCore.begin(), kCore.end(), name) != kCore.end();
}

// A copy of `image` with no metadata at all (EXIF, GPS, XMP, IPTC, ICC,
// orientation, comments, loader details): only pixels and their geometry.
VImage without_metadata(const VImage& image) {
  VImage copy = image.copy();
  gchar** fields = vips_image_get_fields(copy.get_image());
  for (gchar** field = fields; *field; ++field)
    if (!is_core_field(*field)) copy.remove(*field);
  g_strfreev(fields);
  return copy;
}

std::string encode_webp(const VImage& image) {
  BlobPtr blob(image.webpsave_buffer(VImage::option()->set("Q", kWebpQuality)->set("strip", true)));
  return strip_webp_metadata(blob_bytes(blob));
}

std::uint32_t read_le32(std::string_view data, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(data[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(data[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(data[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(data[at + 3])) << 24;
}

void append_le32(std::string& out, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>(value >> shift));
}
}  // namespace

void ensure_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("pocketshop") != 0) {
      std::string message = vips_error_buffer();
      vips_error_clear();
      throw std::runtime_error("libvips failed to start: " + message);
    }
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    vips_block_untrusted_set(TRUE);
    g_log_set_handler("VIPS",
                      static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE |
                                                  G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG),
                      log_vips_message, nullptr);
  });
}

ProcessedImage process_image(std::string_view bytes, std::uint64_t max_pixels,
                             const std::vector<int>& target_widths) {
  ensure_vips();
  if (bytes.empty()) throw invalid_file("is empty");
  // The bytes decide, never the file name or the declared type.
  std::optional<std::string> format = sniff_format(bytes);
  if (!format)
    throw ApiError::unsupported_media_type("The file is not a JPEG, PNG, WebP or GIF image.");

  ProcessedImage result;
  result.format = std::move(*format);
  try {
    // Opening reads the header only: the size is known before any pixel is decoded.
    const VImage header = VImage::new_from_buffer(bytes.data(), bytes.size(), "",
                                                  VImage::option()
                                                      ->set("access", VIPS_ACCESS_SEQUENTIAL)
                                                      ->set("fail_on", VIPS_FAIL_ON_TRUNCATED));
    const std::uint64_t pixels =
        static_cast<std::uint64_t>(header.width()) * static_cast<std::uint64_t>(header.height());
    if (pixels > max_pixels)
      throw invalid_file("is " + std::to_string(header.width()) + " x " +
                         std::to_string(header.height()) + " pixels; at most " +
                         std::to_string(max_pixels) + " pixels are allowed");
    result.width = header.width();
    result.height = header.height();
    if (vips_image_get_orientation_swap(header.get_image())) std::swap(result.width, result.height);

    int widest = 1;
    for (const int target : target_widths)
      widest = std::max(widest, std::min(target, result.width));

    // One decode, shrinking on load where the format allows (JPEG), rotated
    // upright; truncated data is an error rather than a grey band.
    BlobPtr source(vips_blob_new(nullptr, bytes.data(), bytes.size()));
    VImage largest = VImage::thumbnail_buffer(source.get(), widest,
                                              VImage::option()
                                                  ->set("height", VIPS_MAX_COORD)
                                                  ->set("size", VIPS_SIZE_DOWN)
                                                  ->set("option_string", "fail_on=truncated"));
    largest = without_metadata(largest.colourspace(VIPS_INTERPRETATION_sRGB)).copy_memory();

    for (const int target : target_widths) {
      const int width = std::min(target, result.width);
      const auto same = std::find_if(result.variants.begin(), result.variants.end(),
                                     [&](const Variant& v) { return v.width == width; });
      if (same != result.variants.end()) {
        result.variants.push_back(*same);
        continue;
      }
      const VImage resized =
          width >= largest.width()
              ? largest
              : largest.thumbnail_image(
                    width,
                    VImage::option()->set("height", VIPS_MAX_COORD)->set("size", VIPS_SIZE_DOWN));
      result.variants.push_back({resized.width(), resized.height(), encode_webp(resized)});
    }
  } catch (const vips::VError& error) {
    spdlog::debug("image refused by libvips: {}", error.what());
    vips_error_clear();
    throw invalid_file("is not a valid image: it is truncated or corrupt");
  }
  return result;
}

// libvips 8.14's webpsave writes an EXIF chunk even with strip set (and even
// when the image has no metadata left), so the container is filtered here:
// the EXIF, XMP and ICCP chunks go, and the VP8X flags that announce them
// are cleared. Format: https://developers.google.com/speed/webp/docs/riff_container
std::string strip_webp_metadata(std::string_view webp) {
  constexpr std::uint8_t kIccFlag = 0x20, kExifFlag = 0x08, kXmpFlag = 0x04;
  if (webp.size() < 12 || webp.substr(0, 4) != "RIFF" || webp.substr(8, 4) != "WEBP" ||
      read_le32(webp, 4) != webp.size() - 8)
    throw std::runtime_error("not a WebP RIFF container");

  std::string out("RIFF\0\0\0\0WEBP", 12);
  std::size_t pos = 12;
  while (pos < webp.size()) {
    if (webp.size() - pos < 8) throw std::runtime_error("truncated WebP chunk header");
    const std::string_view fourcc = webp.substr(pos, 4);
    const std::uint32_t size = read_le32(webp, pos + 4);
    const std::size_t padded = static_cast<std::size_t>(size) + (size & 1);
    if (webp.size() - pos - 8 < padded) throw std::runtime_error("truncated WebP chunk");
    if (fourcc != "EXIF" && fourcc != "XMP " && fourcc != "ICCP") {
      const std::size_t start = out.size();
      out.append(webp.substr(pos, 8 + padded));
      if (fourcc == "VP8X" && size >= 1)
        out[start + 8] = static_cast<char>(static_cast<std::uint8_t>(out[start + 8]) &
                                           ~(kIccFlag | kExifFlag | kXmpFlag));
    }
    pos += 8 + padded;
  }
  std::string riff_size;
  append_le32(riff_size, static_cast<std::uint32_t>(out.size() - 8));
  out.replace(4, 4, riff_size);
  return out;
}

}  // namespace ps::media
