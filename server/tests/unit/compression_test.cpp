#include "http/compression.h"

#include <gtest/gtest.h>

namespace ps::http {
namespace {

TEST(AcceptEncoding, GzipWhenListedWithAPositiveWeight) {
  for (const char* value : {"gzip", "GZIP", "gzip, deflate, br", "br;q=1.0, gzip;q=0.5",
                            "deflate, gzip ; q=0.001", "x-gzip", " , gzip", "gzip;Q=1"})
    EXPECT_TRUE(accepts_gzip(value)) << value;
}

TEST(AcceptEncoding, IdentityWhenAbsentRefusedOrMalformed) {
  for (const char* value :
       {"", "identity", "br, deflate", "gzip;q=0", "gzip; q=0.000", "gzip;q=0.", "gzip;q=abc",
        "gzip;q=1.5", "gzip;q=2", "gzip;q=0.0001", "gzipx", "gzip;q=0, *"})
    EXPECT_FALSE(accepts_gzip(value)) << value;
}

TEST(AcceptEncoding, StarStandsForGzipUnlessGzipIsNamed) {
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_TRUE(accepts_gzip("br, *;q=0.1"));
  EXPECT_FALSE(accepts_gzip("*;q=0"));
  EXPECT_TRUE(accepts_gzip("gzip;q=0.2, *;q=0"));
}

TEST(Compression, CompressibleTypesAreTextLike) {
  for (const char* type : {"application/json", "Application/JSON; charset=utf-8",
                           "application/problem+json", "text/plain; version=0.0.4",
                           "text/html; charset=utf-8", "application/javascript", "image/svg+xml"})
    EXPECT_TRUE(is_compressible(type)) << type;
  for (const char* type : {"", "image/webp", "image/png", "application/octet-stream", "font/woff2",
                           "application/jsonx"})
    EXPECT_FALSE(is_compressible(type)) << type;
}

TEST(Compression, GzipWritesAGzipStreamThatShrinksText) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += R"({"name":"Speckled mug","price_cents":3200},)";
  const auto compressed = gzip(text);
  ASSERT_GE(compressed.size(), 18u);
  EXPECT_EQ(static_cast<unsigned char>(compressed[0]), 0x1f);  // gzip magic
  EXPECT_EQ(static_cast<unsigned char>(compressed[1]), 0x8b);
  EXPECT_LT(compressed.size(), text.size() / 10);
}

TEST(Compression, GzipRepresentationHasItsOwnETag) {
  EXPECT_EQ(gzip_etag(R"("abc")"), R"("abc-gzip")");
  EXPECT_EQ(gzip_etag(R"(W/"abc")"), R"(W/"abc-gzip")");
}

TEST(Compression, IfNoneMatchAcceptsEitherRepresentation) {
  const std::string etag = R"("abc")";
  EXPECT_TRUE(if_none_match_matches(R"("abc")", etag));
  EXPECT_TRUE(if_none_match_matches(R"("abc-gzip")", etag));
  EXPECT_TRUE(if_none_match_matches(R"("x", W/"abc-gzip")", etag));
  EXPECT_TRUE(if_none_match_matches("*", etag));
  EXPECT_FALSE(if_none_match_matches("", etag));
  EXPECT_FALSE(if_none_match_matches(R"("abcd", "abc-br")", etag));
}

Response json_of_size(std::size_t bytes) {
  Response response{bhttp::status::ok, 11};
  response.set(bhttp::field::content_type, "application/json");
  response.set(bhttp::field::etag, R"("abc")");
  response.body() = "[" + std::string(bytes - 2, ' ') + "]";
  response.prepare_payload();
  return response;
}

Request accepting(std::string_view encodings) {
  Request request;
  if (!encodings.empty()) request.raw.set(bhttp::field::accept_encoding, encodings);
  return request;
}

TEST(Compression, NegotiatesLargeCompressibleBodies) {
  auto response = json_of_size(kMinCompressedBodyBytes);
  EXPECT_TRUE(negotiate_gzip(accepting("gzip"), response));
  EXPECT_EQ(response[bhttp::field::vary], "Accept-Encoding");

  auto refused = json_of_size(kMinCompressedBodyBytes);
  refused.set(bhttp::field::vary, "Origin");
  EXPECT_FALSE(negotiate_gzip(accepting("gzip;q=0"), refused));
  EXPECT_EQ(refused[bhttp::field::vary], "Origin, Accept-Encoding");  // still varies
}

TEST(Compression, LeavesSmallOrAlreadyNegotiatedBodiesAlone) {
  auto small = json_of_size(kMinCompressedBodyBytes - 1);
  EXPECT_FALSE(negotiate_gzip(accepting("gzip"), small));
  EXPECT_EQ(small.find(bhttp::field::vary), small.end());

  auto encoded = json_of_size(4096);
  encoded.set(bhttp::field::content_encoding, "br");
  EXPECT_FALSE(negotiate_gzip(accepting("gzip"), encoded));

  auto chosen = json_of_size(4096);
  chosen.set(bhttp::field::vary, "accept-encoding");
  EXPECT_FALSE(negotiate_gzip(accepting("gzip"), chosen));

  auto image = json_of_size(4096);
  image.set(bhttp::field::content_type, "image/webp");
  EXPECT_FALSE(negotiate_gzip(accepting("gzip"), image));
}

TEST(Compression, UseGzipEncodesTheBodyButNeverA304) {
  auto response = json_of_size(4096);
  use_gzip(response);
  EXPECT_EQ(response[bhttp::field::content_encoding], "gzip");
  EXPECT_EQ(response[bhttp::field::etag], R"("abc-gzip")");
  EXPECT_EQ(response[bhttp::field::content_length], std::to_string(response.body().size()));
  EXPECT_LT(response.body().size(), 100u);

  Response not_modified{bhttp::status::not_modified, 11};
  not_modified.set(bhttp::field::etag, R"("abc")");
  use_gzip(not_modified);
  EXPECT_EQ(not_modified[bhttp::field::etag], R"("abc-gzip")");
  EXPECT_EQ(not_modified.find(bhttp::field::content_encoding), not_modified.end());
  EXPECT_TRUE(not_modified.body().empty());
}

}  // namespace
}  // namespace ps::http
