#include "core/errors.h"
#include "http/problems.h"
#include "media/demo_images.h"
#include "media/processing.h"
#include "media/service.h"

#include <gtest/gtest.h>
#include <vips/vips8>

#include <stdexcept>
#include <string>

namespace ps::media {
namespace {

using namespace std::string_literals;

std::string le32(std::uint32_t value) {
  return {static_cast<char>(value), static_cast<char>(value >> 8), static_cast<char>(value >> 16),
          static_cast<char>(value >> 24)};
}

std::string chunk(const std::string& fourcc, const std::string& payload) {
  std::string out = fourcc + le32(static_cast<std::uint32_t>(payload.size())) + payload;
  if (payload.size() % 2) out.push_back('\0');
  return out;
}

std::string riff(const std::string& chunks) {
  return "RIFF" + le32(static_cast<std::uint32_t>(chunks.size() + 4)) + "WEBP" + chunks;
}

int status_of(std::string_view bytes, std::uint64_t max_pixels = 50'000'000) {
  try {
    process_image(bytes, max_pixels, {320, 800, 1600});
    return 200;
  } catch (const ApiError& error) {
    return http::status_of(error);
  }
}

TEST(MediaNames, KeysAndFilesAreExactPatterns) {
  const std::string key(64, 'a');
  EXPECT_TRUE(is_media_key(key));
  EXPECT_TRUE(is_media_key("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
  EXPECT_FALSE(is_media_key(std::string(63, 'a')));
  EXPECT_FALSE(is_media_key(std::string(65, 'a')));
  EXPECT_FALSE(is_media_key(std::string(64, 'A')));
  EXPECT_FALSE(is_media_key(std::string(63, 'a') + "g"));
  EXPECT_FALSE(is_media_key(std::string(62, 'a') + ".."));

  const std::string hash(32, 'f');
  EXPECT_TRUE(is_variant_file("320-" + hash + ".webp"));
  EXPECT_TRUE(is_variant_file("1-" + hash + ".webp"));
  EXPECT_TRUE(is_variant_file("99999-" + hash + ".webp"));
  EXPECT_FALSE(is_variant_file("100000-" + hash + ".webp"));
  EXPECT_FALSE(is_variant_file("0320-" + hash + ".webp"));
  EXPECT_FALSE(is_variant_file("-" + hash + ".webp"));
  EXPECT_FALSE(is_variant_file("320-" + hash + ".png"));
  EXPECT_FALSE(is_variant_file("320-" + hash + ".webp.tmp"));
  EXPECT_FALSE(is_variant_file("." + std::string("320-") + hash + ".webp"));
  EXPECT_FALSE(is_variant_file("320-" + hash.substr(1) + ".webp"));
  EXPECT_FALSE(is_variant_file("320-" + hash + "0.webp"));
  EXPECT_FALSE(is_variant_file("320-" + hash.substr(1) + "G.webp"));
  EXPECT_FALSE(is_variant_file("3a0-" + hash + ".webp"));
  EXPECT_FALSE(is_variant_file("../" + hash + ".webp"));
  EXPECT_FALSE(is_variant_file(""));

  EXPECT_EQ(variant_etag("320-" + hash + ".webp"), "\"" + hash + "\"");
}

TEST(MediaWebp, StripRemovesMetadataChunksAndFlags) {
  // VP8X flags: ICC 0x20, alpha 0x10, EXIF 0x08, XMP 0x04.
  const std::string vp8x = chunk("VP8X", "\x3c\0\0\0"s + "\x09\0\0\x09\0\0"s);
  const std::string input =
      riff(vp8x + chunk("ICCP", "profile") + chunk("ALPH", "a") + chunk("VP8 ", "pixels") +
           chunk("EXIF", "GPS here") + chunk("XMP ", "<xmp/>"));
  const std::string output = strip_webp_metadata(input);
  const std::string expected_vp8x = chunk("VP8X", "\x10\0\0\0"s + "\x09\0\0\x09\0\0"s);
  EXPECT_EQ(output, riff(expected_vp8x + chunk("ALPH", "a") + chunk("VP8 ", "pixels")));
  EXPECT_EQ(output.find("GPS"), std::string::npos);
  // Nothing to strip: unchanged.
  EXPECT_EQ(strip_webp_metadata(riff(chunk("VP8L", "lossless"))), riff(chunk("VP8L", "lossless")));
}

TEST(MediaWebp, StripRefusesMalformedContainers) {
  EXPECT_THROW(strip_webp_metadata(""), std::runtime_error);
  EXPECT_THROW(strip_webp_metadata("RIFF\4\0\0\0WEBX"s), std::runtime_error);
  std::string wrong_size = riff(chunk("VP8 ", "pixels"));
  wrong_size[4] = 100;
  EXPECT_THROW(strip_webp_metadata(wrong_size), std::runtime_error);
  std::string truncated_chunk = riff(chunk("VP8 ", "pixels"));
  truncated_chunk[16] = 100;  // the chunk claims more than there is
  EXPECT_THROW(strip_webp_metadata(truncated_chunk), std::runtime_error);
}

TEST(MediaProcessing, ProvesTheFormatAndHonoursThePixelLimit) {
  const std::string jpeg = render_demo_image(300, 200, 5);
  const auto processed = process_image(jpeg, 50'000'000, {320, 800, 1600});
  EXPECT_EQ(processed.format, "jpeg");
  EXPECT_EQ(processed.width, 300);
  EXPECT_EQ(processed.height, 200);
  ASSERT_EQ(processed.variants.size(), 3u);
  for (const auto& variant : processed.variants) {
    EXPECT_EQ(variant.width, 300);
    EXPECT_EQ(variant.height, 200);
    EXPECT_EQ(variant.webp.substr(0, 4), "RIFF");
  }
  EXPECT_EQ(status_of(jpeg, 300 * 200), 200);
  EXPECT_EQ(status_of(jpeg, 300 * 200 - 1), 422);
  EXPECT_EQ(status_of(""), 422);
  EXPECT_EQ(status_of("plain text"), 415);
  EXPECT_EQ(status_of(jpeg.substr(0, jpeg.size() / 2)), 422);
}

TEST(MediaDemoImages, AreDeterministicJpegsOfTheAskedSize) {
  const std::string one = render_demo_image(640, 480, 42);
  EXPECT_EQ(one, render_demo_image(640, 480, 42));
  EXPECT_NE(one, render_demo_image(640, 480, 43));
  EXPECT_EQ(one.substr(0, 3), "\xff\xd8\xff");
  const vips::VImage decoded =
      vips::VImage::new_from_buffer(one.data(), one.size(), "").copy_memory();
  EXPECT_EQ(decoded.width(), 640);
  EXPECT_EQ(decoded.height(), 480);
  EXPECT_EQ(decoded.bands(), 3);
  EXPECT_THROW(render_demo_image(0, 10, 1), std::invalid_argument);
  EXPECT_THROW(render_demo_image(10, 10001, 1), std::invalid_argument);
}

}  // namespace
}  // namespace ps::media
