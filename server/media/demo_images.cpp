#include "media/demo_images.h"

#include "media/processing.h"

#include <vips/vips8>

#include <array>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <vector>

namespace ps::media {

namespace {
using vips::VImage;

constexpr int kMaxSide = 10000;
constexpr int kJpegQuality = 88;

// A few steps of splitmix32: seeds that differ by one give unrelated colours.
std::uint32_t mix(std::uint32_t x) {
  x += 0x9e3779b9u;
  x = (x ^ (x >> 16)) * 0x85ebca6bu;
  x = (x ^ (x >> 13)) * 0xc2b2ae35u;
  return x ^ (x >> 16);
}

// HSV (hue in degrees, saturation and value in [0, 1]) to 8-bit RGB values.
std::array<double, 3> hsv_to_rgb(double hue, double saturation, double value) {
  const double c = value * saturation;
  const double h = std::fmod(hue, 360.0) / 60.0;
  const double x = c * (1 - std::fabs(std::fmod(h, 2.0) - 1));
  std::array<double, 3> rgb{};
  if (h < 1)
    rgb = {c, x, 0};
  else if (h < 2)
    rgb = {x, c, 0};
  else if (h < 3)
    rgb = {0, c, x};
  else if (h < 4)
    rgb = {0, x, c};
  else if (h < 5)
    rgb = {x, 0, c};
  else
    rgb = {c, 0, x};
  const double m = value - c;
  for (auto& channel : rgb) channel = (channel + m) * 255.0;
  return rgb;
}

}  // namespace

std::string render_demo_image(int width, int height, std::uint32_t seed) {
  if (width < 1 || height < 1 || width > kMaxSide || height > kMaxSide)
    throw std::invalid_argument("demo image sides must be 1 to 10000 pixels");
  ensure_vips();

  const std::uint32_t a = mix(seed), b = mix(a);
  const double hue = static_cast<double>(a % 360);
  const double spread = 40.0 + static_cast<double>(b % 100);  // a related, not clashing, hue
  const auto from = hsv_to_rgb(hue, 0.55 + (a >> 9) % 30 / 100.0, 0.92);
  const auto to =
      hsv_to_rgb(hue + spread, 0.65 + (b >> 9) % 30 / 100.0, 0.55 + (b >> 17) % 20 / 100.0);
  const double angle = 15.0 + static_cast<double>((a >> 20) % 50);  // degrees of the waves

  const VImage xy = VImage::xyz(width, height);
  const VImage x = xy[0], y = xy[1];
  // t runs 0 -> 1 from the top-left corner to the bottom-right one, rippled.
  VImage t = x * (0.6 / width) + y * (0.4 / height);
  const double frequency = 360.0 * (2.0 + (b >> 24) % 3) / std::max(width, height);
  t = t + (x * (frequency * std::cos(angle * M_PI / 180)) +
           y * (frequency * std::sin(angle * M_PI / 180)))
                  .sin() *
              0.06;
  std::vector<double> slope(3), offset(3);
  for (int i = 0; i < 3; ++i) {
    slope[i] = to[i] - from[i];
    offset[i] = from[i];
  }
  VImage image = t.linear(slope, offset)
                     .cast(VIPS_FORMAT_UCHAR)
                     .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));

  struct BlobUnref {
    void operator()(VipsBlob* blob) const { vips_area_unref(VIPS_AREA(blob)); }
  };
  std::unique_ptr<VipsBlob, BlobUnref> blob(
      image.jpegsave_buffer(VImage::option()->set("Q", kJpegQuality)->set("strip", true)));
  std::size_t length = 0;
  const void* data = vips_blob_get(blob.get(), &length);
  return std::string(static_cast<const char*>(data), length);
}

}  // namespace ps::media
