#include "api/account_test.h"
#include "core/errors.h"
#include "core/random.h"
#include "http/problems.h"
#include "media/demo_images.h"
#include "media/json.h"
#include "media/processing.h"
#include "media/service.h"
#include "support/api_test.h"

#include <soci/soci.h>
#include <vips/vips8>

#include <array>
#include <chrono>
#include <filesystem>
#include <memory>
#include <set>

namespace ps::testing {
namespace {

using boost::beast::http::verb;
using vips::VImage;

constexpr std::size_t kUploadLimit = 1'000'000;

struct BlobUnref {
  void operator()(VipsBlob* blob) const { vips_area_unref(VIPS_AREA(blob)); }
};

std::string blob_bytes(VipsBlob* raw) {
  std::unique_ptr<VipsBlob, BlobUnref> blob(raw);
  std::size_t length = 0;
  const void* data = vips_blob_get(blob.get(), &length);
  return std::string(static_cast<const char*>(data), length);
}

// Decoded pixels that no longer refer to `bytes`.
VImage decode(const std::string& bytes) {
  return VImage::new_from_buffer(bytes.data(), bytes.size(), "").copy_memory();
}

std::string jpeg(int width, int height, std::uint32_t seed = 1) {
  return media::render_demo_image(width, height, seed);
}

std::string convert(const std::string& jpeg_bytes, const char* suffix) {
  const VImage image = decode(jpeg_bytes);
  void* data = nullptr;
  std::size_t length = 0;
  image.write_to_buffer(suffix, &data, &length);
  std::string bytes(static_cast<const char*>(data), length);
  g_free(data);
  return bytes;
}

std::vector<std::string> fields_of(const VImage& image) {
  std::vector<std::string> names;
  gchar** fields = vips_image_get_fields(image.get_image());
  for (gchar** field = fields; *field; ++field) names.emplace_back(*field);
  g_strfreev(fields);
  return names;
}

std::vector<std::string> riff_chunks(const std::string& webp) {
  std::vector<std::string> chunks;
  for (std::size_t pos = 12; pos + 8 <= webp.size();) {
    chunks.push_back(webp.substr(pos, 4));
    const std::uint32_t size =
        static_cast<unsigned char>(webp[pos + 4]) | static_cast<unsigned char>(webp[pos + 5]) << 8 |
        static_cast<unsigned char>(webp[pos + 6]) << 16 |
        static_cast<std::uint32_t>(static_cast<unsigned char>(webp[pos + 7])) << 24;
    pos += 8 + size + (size & 1);
  }
  return chunks;
}

// A PNG whose header claims width x height pixels, with correct CRCs and a
// token of image data: a decompression bomb's calling card.
std::string png_claiming(std::uint32_t width, std::uint32_t height) {
  auto crc32 = [](const std::string& data) {
    std::uint32_t crc = 0xffffffffu;
    for (unsigned char byte : data) {
      crc ^= byte;
      for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xffffffffu;
  };
  auto be32 = [](std::uint32_t value) {
    return std::string{static_cast<char>(value >> 24), static_cast<char>(value >> 16),
                       static_cast<char>(value >> 8), static_cast<char>(value)};
  };
  auto chunk = [&](const std::string& type, const std::string& data) {
    return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc32(type + data));
  };
  const std::string header = be32(width) + be32(height) + std::string("\x08\x02\x00\x00\x00", 5);
  const std::string zlib_of_a_zero_byte("\x78\x9c\x63\x00\x00\x00\x01\x00\x01", 9);
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) +
         chunk("IDAT", zlib_of_a_zero_byte) + chunk("IEND", "");
}

struct FormPart {
  std::string name;
  std::string filename;  // empty: no filename parameter
  std::string content_type;
  std::string body;
};

const std::string kBoundary = "----PocketShopTestBoundary7MA4YWxkTrZu0gW";

std::string multipart(const std::vector<FormPart>& parts) {
  std::string body;
  for (const auto& part : parts) {
    body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + part.name + "\"";
    if (!part.filename.empty()) body += "; filename=\"" + part.filename + "\"";
    body += "\r\n";
    if (!part.content_type.empty()) body += "Content-Type: " + part.content_type + "\r\n";
    body += "\r\n" + part.body + "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

class MediaApi : public ApiTest {
 protected:
  void configure(Config& config) override { config.max_upload_bytes = kUploadLimit; }

  void SetUp() override {
    ApiTest::SetUp();
    media::ensure_vips();
    vendor_ = sign_up("vendor@example.com", "vendor");
  }

  HttpResult post_form(const std::string& token, const std::string& body,
                       const std::string& content_type = "multipart/form-data; boundary=" +
                                                         kBoundary) {
    Headers headers{{"Content-Type", content_type}};
    if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
    return client().request(verb::post, "/api/uploads", body, headers);
  }

  HttpResult upload(const std::string& bytes, const std::string& filename = "photo.jpg",
                    const std::string& type = "image/jpeg", const std::string& token = {}) {
    return post_form(token.empty() ? vendor_.access_token : token,
                     multipart({{"file", filename, type, bytes}}));
  }

  // Uploads, expects 201, and returns the image JSON.
  boost::json::object upload_ok(const std::string& bytes, const std::string& filename = "a.jpg",
                                const std::string& type = "image/jpeg",
                                const std::string& token = {}) {
    const auto result = upload(bytes, filename, type, token);
    EXPECT_EQ(result.status, 201) << result.body;
    EXPECT_EQ(result.header("content-type"), "application/json");
    if (result.status != 201) return {};
    return result.json().as_object();
  }

  static std::string url(const boost::json::object& image, const char* size) {
    return std::string(image.at("urls").at(size).as_string());
  }

  // Fetches a variant, expects 200 with the immutable caching headers, and decodes it.
  VImage fetch_variant(const std::string& target, std::string* bytes = nullptr) {
    const auto result = client().get(target);
    EXPECT_EQ(result.status, 200) << target << " " << result.body;
    EXPECT_EQ(result.header("content-type"), "image/webp");
    EXPECT_EQ(result.header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(result.header("x-content-type-options"), "nosniff");
    EXPECT_FALSE(result.header("etag").empty());
    if (bytes) *bytes = result.body;
    return decode(result.body);
  }

  void expect_variant(const boost::json::object& image, const char* size, int width, int height) {
    const VImage variant = fetch_variant(url(image, size));
    EXPECT_EQ(variant.width(), width) << size;
    EXPECT_EQ(variant.height(), height) << size;
    EXPECT_NE(url(image, size).find("/" + std::to_string(width) + "-"), std::string::npos)
        << url(image, size);
  }

  static void expect_file_error(const HttpResult& result) {
    expect_problem(result, 422, "validation");
    if (result.status != 422) return;
    const auto json = result.json().as_object();
    ASSERT_TRUE(json.contains("errors")) << result.body;
    EXPECT_TRUE(json.at("errors").as_object().contains("file")) << result.body;
  }

  std::size_t files_on_disk() {
    std::size_t count = 0;
    const auto& root = server().app().media().root();
    if (!std::filesystem::exists(root)) return 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
      if (entry.is_regular_file()) ++count;
    return count;
  }

  Account vendor_;
};
POCKETSHOP_API_TEST(MediaApi);

TEST_P(MediaApi, JpegUploadGivesThreeVariantsOfTheRightWidths) {
  const std::string bytes = jpeg(2000, 1000);
  const auto image = upload_ok(bytes);
  ASSERT_FALSE(image.empty());
  EXPECT_GT(image.at("id").as_int64(), 0);
  EXPECT_EQ(image.at("width").as_int64(), 2000);
  EXPECT_EQ(image.at("height").as_int64(), 1000);
  expect_variant(image, "small", 320, 160);
  expect_variant(image, "medium", 800, 400);
  expect_variant(image, "large", 1600, 800);

  // The row belongs to the uploader and names the bytes it came from.
  long long owner = 0;
  std::string sha256, format;
  server().app().database().with_session([&](db::Connection& sql) {
    const long long id = image.at("id").as_int64();
    sql.session() << "SELECT owner_id, sha256, format FROM images WHERE id = :id",
        soci::into(owner), soci::into(sha256), soci::into(format), soci::use(id);
  });
  EXPECT_EQ(owner, vendor_.id);
  EXPECT_EQ(sha256, sha256_hex(bytes));
  EXPECT_EQ(format, "jpeg");
  EXPECT_EQ(url(image, "large").rfind("/media/" + sha256 + "/", 0), 0u);
}

TEST_P(MediaApi, SmallImagesAreNeverUpscaled) {
  const auto image = upload_ok(convert(jpeg(500, 300), ".png"), "small.png", "image/png");
  ASSERT_FALSE(image.empty());
  EXPECT_EQ(image.at("width").as_int64(), 500);
  expect_variant(image, "small", 320, 192);
  expect_variant(image, "medium", 500, 300);
  expect_variant(image, "large", 500, 300);
  EXPECT_EQ(url(image, "medium"), url(image, "large"));  // one file serves both
}

TEST_P(MediaApi, PngWebpAndGifUploadsAreAccepted) {
  const std::string source = jpeg(900, 600, 7);
  for (const auto& [suffix, type] : std::vector<std::pair<const char*, const char*>>{
           {".png", "image/png"}, {".webp", "image/webp"}, {".gif", "image/gif"}}) {
    // The declared type and name are irrelevant: the bytes decide.
    const auto image = upload_ok(convert(source, suffix), "upload.bin", "application/octet-stream");
    ASSERT_FALSE(image.empty()) << suffix;
    EXPECT_EQ(image.at("width").as_int64(), 900) << suffix;
    EXPECT_EQ(image.at("height").as_int64(), 600) << suffix;
    expect_variant(image, "small", 320, 213);
    expect_variant(image, "medium", 800, 533);
    expect_variant(image, "large", 900, 600);
  }
}

TEST_P(MediaApi, VariantsAreServedWithStrongEtagsAndRevalidated) {
  const auto image = upload_ok(jpeg(1000, 700));
  ASSERT_FALSE(image.empty());
  const std::string target = url(image, "medium");
  const auto first = client().get(target);
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.header("etag");
  ASSERT_GE(etag.size(), 3u);
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');
  EXPECT_NE(etag, client().get(url(image, "small")).header("etag"));

  for (const std::string& condition : {etag, "W/" + etag, "\"nope\", " + etag, std::string("*")}) {
    const auto again = client().request(verb::get, target, {}, {{"If-None-Match", condition}});
    EXPECT_EQ(again.status, 304) << condition;
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(again.header("etag"), etag);
    EXPECT_EQ(again.header("cache-control"), "public, max-age=31536000, immutable");
  }
  const auto changed = client().request(verb::get, target, {}, {{"If-None-Match", "\"other\""}});
  EXPECT_EQ(changed.status, 200);
  EXPECT_EQ(changed.body, first.body);

  const auto head = client().request(verb::head, target);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), std::to_string(first.body.size()));
}

TEST_P(MediaApi, ExifOrientationIsAppliedAndMetadataStripped) {
  // 600 x 400, left half red, right half blue; EXIF orientation 6 (rotate
  // 90 degrees clockwise to view) puts the red half on top, 400 x 600.
  const VImage x = VImage::xyz(600, 400)[0];
  VImage source =
      (x < 300)
          .ifthenelse(std::vector<double>{220, 30, 30}, std::vector<double>{30, 30, 220})
          .cast(VIPS_FORMAT_UCHAR)
          .copy(VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
  source.set("orientation", 6);
  source.set("exif-ifd3-GPSLatitudeRef", "N");
  source.set("exif-ifd3-GPSLatitude", "51/1 30/1 2600/100");
  source.set("exif-ifd0-Make", "SpyCam");
  static const char xmp[] = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">secret place</x:xmpmeta>";
  vips_image_set_blob_copy(source.get_image(), "xmp-data", xmp, sizeof xmp - 1);
  const std::string bytes = blob_bytes(source.jpegsave_buffer());

  // The upload really carries the metadata.
  const auto sent_fields = fields_of(decode(bytes));
  const std::set<std::string> sent(sent_fields.begin(), sent_fields.end());
  ASSERT_TRUE(sent.count("exif-ifd3-GPSLatitudeRef"));
  ASSERT_TRUE(sent.count("xmp-data"));
  ASSERT_NE(bytes.find("SpyCam"), std::string::npos);

  const auto image = upload_ok(bytes);
  ASSERT_FALSE(image.empty());
  EXPECT_EQ(image.at("width").as_int64(), 400);
  EXPECT_EQ(image.at("height").as_int64(), 600);

  for (const char* size : {"small", "large"}) {
    std::string served;
    const VImage variant = fetch_variant(url(image, size), &served);
    EXPECT_EQ(variant.width() * 3, variant.height() * 2) << size;  // portrait now
    // Red on top, blue at the bottom.
    const auto top = variant.getpoint(variant.width() / 2, variant.height() / 4);
    const auto bottom = variant.getpoint(variant.width() / 2, variant.height() * 3 / 4);
    EXPECT_GT(top[0], 150);
    EXPECT_LT(top[2], 100);
    EXPECT_GT(bottom[2], 150);
    EXPECT_LT(bottom[0], 100);

    for (const auto& field : fields_of(variant)) {
      EXPECT_NE(field, "exif-data") << size;
      EXPECT_NE(field, "xmp-data") << size;
      EXPECT_NE(field, "icc-profile-data") << size;
      EXPECT_EQ(field.rfind("exif-", 0), std::string::npos) << field;
      EXPECT_EQ(field.find("GPS"), std::string::npos) << field;
    }
    for (const auto& chunk : riff_chunks(served)) {
      EXPECT_NE(chunk, "EXIF");
      EXPECT_NE(chunk, "XMP ");
      EXPECT_NE(chunk, "ICCP");
    }
    EXPECT_EQ(served.find("SpyCam"), std::string::npos);
    EXPECT_EQ(served.find("secret place"), std::string::npos);
  }
}

TEST_P(MediaApi, IdenticalUploadsShareTheirFiles) {
  const std::string bytes = jpeg(1700, 900, 3);
  const auto first = upload_ok(bytes);
  const std::size_t files = files_on_disk();
  EXPECT_EQ(files, 3u);

  const auto other_vendor = sign_up("other@example.com", "vendor");
  const auto second = upload_ok(bytes, "copy.jpg", "image/jpeg", other_vendor.access_token);
  ASSERT_FALSE(first.empty());
  ASSERT_FALSE(second.empty());
  EXPECT_NE(first.at("id").as_int64(), second.at("id").as_int64());  // each owns its own
  EXPECT_EQ(first.at("urls"), second.at("urls"));
  EXPECT_EQ(files_on_disk(), files);  // no new files, no temporary ones left behind

  const auto different = upload_ok(jpeg(1700, 900, 4));
  EXPECT_NE(first.at("urls"), different.at("urls"));
  EXPECT_EQ(files_on_disk(), files + 3);
}

TEST_P(MediaApi, TextFileNamedJpgIs415) {
  expect_problem(upload("Hello, I am definitely a JPEG.\n", "photo.jpg", "image/jpeg"), 415,
                 "unsupported-media-type");
}

TEST_P(MediaApi, OtherImageFormatsAre415) {
  const std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
      "<rect width=\"10\" height=\"10\" fill=\"red\"/></svg>";
  expect_problem(upload(svg, "image.svg", "image/svg+xml"), 415, "unsupported-media-type");
  expect_problem(upload(convert(jpeg(40, 30), ".tif"), "image.jpg", "image/jpeg"), 415,
                 "unsupported-media-type");
  expect_problem(
      upload("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n", "a.jpg", "image/jpeg"), 415,
      "unsupported-media-type");
  EXPECT_EQ(files_on_disk(), 0u);
}

TEST_P(MediaApi, TruncatedImagesAre422) {
  const std::string full = jpeg(800, 600);
  expect_file_error(upload(full.substr(0, 3)));  // a JPEG signature and nothing else
  expect_file_error(upload(full.substr(0, full.size() * 6 / 10)));
  const std::string png = convert(full, ".png");
  expect_file_error(upload(png.substr(0, png.size() / 2), "a.png", "image/png"));
  const std::string gif = convert(full, ".gif");
  expect_file_error(upload(gif.substr(0, gif.size() / 2), "a.gif", "image/gif"));
  const std::string webp = convert(full, ".webp");
  expect_file_error(upload(webp.substr(0, webp.size() / 2), "a.webp", "image/webp"));
  EXPECT_EQ(files_on_disk(), 0u);
}

TEST_P(MediaApi, DecompressionBombIsRefusedFromItsHeader) {
  const auto started = std::chrono::steady_clock::now();
  const auto result = upload(png_claiming(100000, 100000), "bomb.png", "image/png");
  const auto elapsed = std::chrono::steady_clock::now() - started;
  expect_file_error(result);
  EXPECT_NE(result.body.find("100000 x 100000"), std::string::npos) << result.body;
  EXPECT_LT(elapsed, std::chrono::seconds(3));
}

TEST_P(MediaApi, EmptyFileIs422) { expect_file_error(upload("", "empty.jpg", "image/jpeg")); }

TEST_P(MediaApi, MissingFilePartIs422) {
  expect_file_error(post_form(vendor_.access_token, multipart({{"title", "", "", "Sunset"}})));
  expect_file_error(post_form(vendor_.access_token, multipart({})));
}

TEST_P(MediaApi, TwoFilePartsAre422) {
  const std::string bytes = jpeg(100, 100);
  expect_file_error(post_form(vendor_.access_token, multipart({{"file", "a.jpg", "", bytes},
                                                               {"file", "b.jpg", "", bytes}})));
}

TEST_P(MediaApi, NotMultipartIs415) {
  expect_problem(post_form(vendor_.access_token, "{\"file\": \"x\"}", "application/json"), 415,
                 "unsupported-media-type");
  expect_problem(post_form(vendor_.access_token, jpeg(50, 50), "image/jpeg"), 415,
                 "unsupported-media-type");
  expect_problem(post_form(vendor_.access_token, "", ""), 415, "unsupported-media-type");
}

TEST_P(MediaApi, MalformedMultipartIs400) {
  const std::string body = multipart({{"file", "a.jpg", "image/jpeg", jpeg(50, 50)}});
  expect_problem(post_form(vendor_.access_token, body.substr(0, body.size() - 20)), 400,
                 "bad-request");
  expect_problem(post_form(vendor_.access_token, body, "multipart/form-data"), 400, "bad-request");
  expect_problem(post_form(vendor_.access_token, "garbage"), 400, "bad-request");
}

TEST_P(MediaApi, UploadLargerThanTheLimitIs413) {
  // Refused from its Content-Length, before the body is read.
  RawConnection connection(server().port());
  connection.send("POST /api/uploads HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                  vendor_.access_token +
                  "\r\nContent-Type: multipart/form-data; boundary=" + kBoundary +
                  "\r\nContent-Length: " + std::to_string(kUploadLimit + 1) + "\r\n\r\n");
  const auto response = connection.read_response(3000);
  EXPECT_EQ(response.rfind("HTTP/1.1 413", 0), 0u) << response;
  EXPECT_NE(response.find("application/problem+json"), std::string::npos) << response;
}

// The upload route's own limit is meant to be above the server's JSON body
// limit (10 MB vs 1 MiB by default), so this fixture lowers the JSON limit.
class MediaUploadLimitApi : public MediaApi {
 protected:
  static constexpr std::size_t kJsonLimit = 64 * 1024;
  void configure(Config& config) override {
    MediaApi::configure(config);
    config.max_body_bytes = kJsonLimit;
  }
};
POCKETSHOP_API_TEST(MediaUploadLimitApi);

TEST_P(MediaUploadLimitApi, JsonRoutesKeepTheServerLimit) {
  expect_problem(client().post_json("/api/auth/login",
                                    {{"email", std::string(kJsonLimit, 'a')}, {"password", "x"}}),
                 413, "payload-too-large");
}

// The server reads the headers without a body limit and only then applies the
// route's own one, so an upload's Content-Length above the JSON limit is not
// refused while the headers are parsed.
TEST_P(MediaUploadLimitApi, UploadsAboveTheJsonLimitAreAccepted) {
  const std::string big = jpeg(2400, 1800);
  ASSERT_GT(big.size(), kJsonLimit);
  ASSERT_LT(big.size() + 1000, kUploadLimit);
  EXPECT_FALSE(upload_ok(big).empty());
}

TEST_P(MediaApi, ServiceRefusesOversizeBytesToo) {
  try {
    server().app().media().store(vendor_.id, std::string(kUploadLimit + 1, 'x'));
    ADD_FAILURE() << "no error";
  } catch (const ApiError& error) {
    EXPECT_EQ(http::status_of(error), 413);
  }
}

// Buyers attach images to their messages to shops (messages/).
TEST_P(MediaApi, BuyersMayUpload) {
  const auto buyer = sign_up("buyer@example.com", "buyer");
  EXPECT_EQ(upload(jpeg(100, 100), "a.jpg", "image/jpeg", buyer.access_token).status, 201);
}

TEST_P(MediaApi, UploadNeedsAToken) {
  const auto result = post_form("", multipart({{"file", "a.jpg", "image/jpeg", jpeg(100, 100)}}));
  expect_problem(result, 401, "unauthorized");
  expect_problem(post_form("not-a-token", multipart({{"file", "a.jpg", "", jpeg(100, 100)}})), 401,
                 "unauthorized");
}

TEST_P(MediaApi, MediaPathsAreValidatedStrictly) {
  const auto image = upload_ok(jpeg(400, 300));
  ASSERT_FALSE(image.empty());
  const std::string good = url(image, "small");
  ASSERT_EQ(client().get(good).status, 200);
  const std::string key = good.substr(7, 64);
  const std::string file = good.substr(7 + 64 + 1);

  std::string upper_key = key;
  for (auto& c : upper_key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::vector<std::string> bad{
      "/media/../pocketshop.db",
      "/media/%2e%2e/pocketshop.db",
      "/media/" + key + "/..%2F..%2F..%2Fpocketshop.db",
      "/media/" + key + "/%2e%2e",
      "/media/..%2F" + key + "/" + file,
      "/media/" + key + "/" + file + "%00.png",
      "/media/" + key + "/." + file,
      "/media/" + key + "/" + file + ".tmp",
      "/media/" + upper_key + "/" + file,
      "/media/" + key.substr(0, 63) + "/" + file,
      "/media/" + key + "/0" + file,
      "/media/" + key + "/" + file.substr(0, file.size() - 5) + ".png",
      "/media/" + key + "/jwt-secret",
      "/media/" + key.substr(0, 2) + "/" + key,
      "/media/" + std::string(64, 'a') + "/" + file,  // well formed, not stored
      "/media/" + key,
  };
  for (const auto& target : bad) {
    const auto result = client().get(target);
    EXPECT_EQ(result.status, 404) << target;
    EXPECT_EQ(result.header("content-type"), "application/problem+json") << target;
  }
}

TEST_P(MediaApi, OwnedImageChecksTheOwner) {
  const auto image = upload_ok(jpeg(400, 300));
  ASSERT_FALSE(image.empty());
  const std::int64_t id = image.at("id").as_int64();
  const auto other = sign_up("b@example.com", "vendor");
  auto& media = server().app().media();

  server().app().database().with_session([&](db::Connection& sql) {
    const media::Image mine = media.owned_image(sql, id, vendor_.id);
    EXPECT_EQ(mine.id, id);
    EXPECT_EQ(mine.owner_id, vendor_.id);
    EXPECT_EQ(mine.width, 400);
    EXPECT_EQ(mine.height, 300);
    EXPECT_GT(mine.created_at, 0);
    EXPECT_EQ(boost::json::value(media::to_json(mine)), boost::json::value(image));

    auto status_of = [&](std::int64_t image_id, std::int64_t owner_id) {
      try {
        media.owned_image(sql, image_id, owner_id);
        return 200;
      } catch (const ApiError& error) {
        return http::status_of(error);
      }
    };
    EXPECT_EQ(status_of(id, other.id), 403);
    EXPECT_EQ(status_of(id + 1000, vendor_.id), 404);
    EXPECT_EQ(status_of(-1, vendor_.id), 404);
  });
}

TEST_P(MediaApi, FindManyLooksUpBatches) {
  const auto a = upload_ok(jpeg(300, 200, 1));
  const auto b = upload_ok(jpeg(300, 200, 2));
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  const std::int64_t id_a = a.at("id").as_int64(), id_b = b.at("id").as_int64();
  server().app().database().with_session([&](db::Connection& sql) {
    auto& media = server().app().media();
    EXPECT_TRUE(media.find_many(sql, {}).empty());
    const auto found = media.find_many(sql, {id_b, 987654, id_a, id_b});
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].id, id_a);
    EXPECT_EQ(found[1].id, id_b);
    EXPECT_EQ(boost::json::value(media::to_json(found[1])), boost::json::value(b));

    std::vector<std::int64_t> many;  // more than one query's worth
    for (std::int64_t i = 0; i < 1200; ++i) many.push_back(i + 1);
    EXPECT_EQ(media.find_many(sql, many).size(), 2u);
  });
}

// Each upload costs a decoding, three encodings and stored files, and any
// signed-in user may upload (for messages): a user gets a budget an hour.
class UploadLimits : public MediaApi {
 protected:
  void configure(Config& config) override {
    MediaApi::configure(config);
    config.upload_limit_per_user = 2;
  }
};
POCKETSHOP_API_TEST(UploadLimits);

TEST_P(UploadLimits, AUserUploadsAFewImagesAnHour) {
  upload_ok(jpeg(64, 48, 1));
  upload_ok(jpeg(64, 48, 2));
  const auto limited = upload(jpeg(64, 48, 3));
  expect_problem(limited, 429, "rate-limited");
  EXPECT_FALSE(limited.header("retry-after").empty());
  // Another user has a budget of their own.
  const auto buyer = sign_up("buyer@example.com", "buyer");
  upload_ok(jpeg(64, 48, 3), "a.jpg", "image/jpeg", buyer.access_token);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM images"), 3);
}

TEST_P(UploadLimits, ConcurrentUploadsStayWithinTheLimit) {
  const std::string bytes = jpeg(64, 48);
  const auto seen = race([&](int) { return upload(bytes); });
  const std::map<std::string, int> expected{{"201", 2},
                                            {"429 /problems/rate-limited", kRacers - 2}};
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM images"), 2);
}

}  // namespace
}  // namespace ps::testing
