#include "support/marketplace.h"

#include <zlib.h>

#include <stdexcept>

namespace ps::testing {
namespace {

using boost::beast::http::verb;

// Inflates a gzip body with zlib itself, independently of the server's code.
std::string gunzip(const std::string& compressed) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) throw std::runtime_error("inflateInit2");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string plain;
  int result = Z_OK;
  while (result == Z_OK) {
    char chunk[16384];
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof chunk;
    result = inflate(&stream, Z_NO_FLUSH);
    plain.append(chunk, sizeof chunk - stream.avail_out);
  }
  inflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("not a complete gzip stream");
  return plain;
}

// "abc" -> "abc-gzip", written out here rather than taken from the server.
std::string with_gzip_suffix(std::string etag) { return etag.insert(etag.size() - 1, "-gzip"); }

// A product list well above the compression threshold.
class CompressionApi : public MarketplaceTest {
 protected:
  void SetUp() override {
    MarketplaceTest::SetUp();
    const auto vendor = vendor_with_shop("v@example.com", "Clay Studio");
    for (int i = 0; i < 5; ++i)
      create_product(vendor.access_token, {{"name", "Mug " + std::to_string(i)},
                                           {"description",
                                            "Wheel-thrown stoneware with a speckled glaze, "
                                            "dishwasher safe, holds about 350 ml."}});
  }

  HttpResult get(const std::string& target, Headers headers = {}) const {
    return client().request(verb::get, target, {}, headers);
  }

  static constexpr const char* kProducts = "/api/products";
};
POCKETSHOP_API_TEST(CompressionApi);

TEST_P(CompressionApi, JsonIsGzippedWhenTheClientAcceptsIt) {
  for (const char* target : {kProducts, "/api/openapi.json"}) {
    const auto identity = get(target);
    ASSERT_EQ(identity.status, 200) << target;
    ASSERT_GE(identity.body.size(), 1024u) << target;
    const auto gzipped = get(target, {{"Accept-Encoding", "gzip, deflate, br"}});
    ASSERT_EQ(gzipped.status, 200) << target;
    EXPECT_EQ(gzipped.header("content-encoding"), "gzip") << target;
    EXPECT_EQ(gzipped.header("vary"), "Accept-Encoding") << target;
    EXPECT_EQ(gzipped.header("content-type"), identity.header("content-type")) << target;
    EXPECT_EQ(gzipped.header("content-length"), std::to_string(gzipped.body.size()));
    EXPECT_LT(gzipped.body.size(), identity.body.size() / 2) << target;
    EXPECT_EQ(gunzip(gzipped.body), identity.body) << target;
    EXPECT_EQ(gzipped.header("etag"), with_gzip_suffix(identity.header("etag"))) << target;
  }
}

TEST_P(CompressionApi, IdentityUnlessGzipIsAccepted) {
  const Headers refusals[] = {{},
                              {{"Accept-Encoding", "gzip;q=0"}},
                              {{"Accept-Encoding", "identity"}},
                              {{"Accept-Encoding", "br, deflate"}},
                              {{"Accept-Encoding", "gzip;q=0, *"}}};
  const auto expected = get(kProducts).body;
  for (const auto& headers : refusals) {
    const auto result = get(kProducts, headers);
    ASSERT_EQ(result.status, 200);
    EXPECT_EQ(result.header("content-encoding"), "");
    EXPECT_EQ(result.header("vary"), "Accept-Encoding");  // a cache must not reuse it for gzip
    EXPECT_EQ(result.body, expected);
  }
}

TEST_P(CompressionApi, SmallBodiesStayIdentity) {
  const auto result = get("/api/categories", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(result.status, 200);
  ASSERT_LT(result.body.size(), 1024u);
  EXPECT_EQ(result.header("content-encoding"), "");
  EXPECT_EQ(result.header("vary"), "");
  EXPECT_NO_THROW(result.json());
}

TEST_P(CompressionApi, EitherETagRevalidates) {
  const Headers gzip{{"Accept-Encoding", "gzip"}};
  const auto identity_tag = get(kProducts).header("etag");
  const auto gzip_tag = get(kProducts, gzip).header("etag");
  ASSERT_NE(identity_tag, gzip_tag);

  for (const auto& tag : {identity_tag, gzip_tag}) {
    const auto as_gzip = get(kProducts, {{"Accept-Encoding", "gzip"}, {"If-None-Match", tag}});
    EXPECT_EQ(as_gzip.status, 304) << tag;
    EXPECT_TRUE(as_gzip.body.empty());
    EXPECT_EQ(as_gzip.header("etag"), gzip_tag);
    EXPECT_EQ(as_gzip.header("vary"), "Accept-Encoding");
    EXPECT_EQ(as_gzip.header("content-encoding"), "");

    const auto as_identity = get(kProducts, {{"If-None-Match", tag}});
    EXPECT_EQ(as_identity.status, 304) << tag;
    EXPECT_EQ(as_identity.header("etag"), identity_tag);
  }
  EXPECT_EQ(get(kProducts, {{"Accept-Encoding", "gzip"}, {"If-None-Match", "\"other\""}}).status,
            200);
}

TEST_P(CompressionApi, HeadAnswersLikeTheGzippedGet) {
  const Headers gzip{{"Accept-Encoding", "gzip"}};
  const auto got = get(kProducts, gzip);
  const auto head = client().request(verb::head, kProducts, {}, gzip);
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("content-length"), std::to_string(got.body.size()));
  EXPECT_EQ(head.header("content-encoding"), "gzip");
  EXPECT_EQ(head.header("etag"), got.header("etag"));
}

}  // namespace
}  // namespace ps::testing
