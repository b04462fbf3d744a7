#include "http/multipart.h"
#include "http/problems.h"

#include "core/errors.h"

#include <gtest/gtest.h>

#include <string>

namespace ps::http {
namespace {

using namespace std::string_literals;

const std::string kType = "multipart/form-data; boundary=XyZ";

int status_of(std::string_view content_type, std::string_view body) {
  try {
    parse_multipart(content_type, body);
    return 200;
  } catch (const ApiError& error) {
    return http::status_of(error);
  }
}

TEST(Multipart, ParsesOneFilePart) {
  const std::string body =
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"cat.jpg\"\r\n"
      "Content-Type: image/jpeg\r\n"
      "\r\n"
      "\xff\xd8\xff\r\nbinary\r\n--not-the-boundary\x00tail"s
      "\r\n--XyZ--\r\n";
  const auto parts = parse_multipart(kType, body);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].name, "file");
  ASSERT_TRUE(parts[0].filename.has_value());
  EXPECT_EQ(*parts[0].filename, "cat.jpg");
  EXPECT_EQ(parts[0].content_type, "image/jpeg");
  EXPECT_EQ(parts[0].body, "\xff\xd8\xff\r\nbinary\r\n--not-the-boundary\x00tail"s);
}

TEST(Multipart, ParsesSeveralPartsInOrder) {
  const std::string body =
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"title\"\r\n"
      "\r\n"
      "Sunset\r\n"
      "--XyZ\r\n"
      "content-disposition: FORM-DATA; NAME=file; filename=\"a;b \\\"c\\\".png\"\r\n"
      "X-Ignored: yes\r\n"
      "\r\n"
      "PNG\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"empty\"\r\n"
      "\r\n"
      "\r\n"
      "--XyZ--";
  const auto parts = parse_multipart(kType, body);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].name, "title");
  EXPECT_FALSE(parts[0].filename.has_value());
  EXPECT_EQ(parts[0].content_type, "");
  EXPECT_EQ(parts[0].body, "Sunset");
  EXPECT_EQ(parts[1].name, "file");
  EXPECT_EQ(*parts[1].filename, "a;b \"c\".png");
  EXPECT_EQ(parts[1].body, "PNG");
  EXPECT_EQ(parts[2].name, "empty");
  EXPECT_EQ(parts[2].body, "");

  const auto files = find_parts(parts, "file");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0]->body, "PNG");
  EXPECT_TRUE(find_parts(parts, "nothing").empty());
}

TEST(Multipart, AcceptsQuotedBoundaryWithSpecialCharacters) {
  const std::string type = "Multipart/Form-Data; charset=utf-8; boundary=\"a'(b)+_,-./:=? c\"";
  EXPECT_EQ(multipart_boundary(type), "a'(b)+_,-./:=? c");
  const std::string body =
      "--a'(b)+_,-./:=? c\r\n"
      "Content-Disposition: form-data; name=\"file\"\r\n\r\n"
      "data\r\n"
      "--a'(b)+_,-./:=? c--\r\n";
  const auto parts = parse_multipart(type, body);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].body, "data");
}

TEST(Multipart, IgnoresPreambleEpilogueAndTransportPadding) {
  const std::string body =
      "This is a preamble.\r\n"
      "--XyZ  \t\r\n"
      "Content-Disposition: form-data; name=\"file\"\r\n\r\n"
      "data\r\n"
      "--XyZ--\r\nepilogue, ignored";
  const auto parts = parse_multipart(kType, body);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].body, "data");
}

TEST(Multipart, NotMultipartIs415) {
  EXPECT_EQ(status_of("application/json", "{}"), 415);
  EXPECT_EQ(status_of("", "--XyZ--"), 415);
  EXPECT_EQ(status_of("multipart/mixed; boundary=XyZ", "--XyZ--"), 415);
  EXPECT_EQ(status_of("text/plain; boundary=XyZ", "--XyZ--"), 415);
}

TEST(Multipart, MissingOrInvalidBoundaryIs400) {
  EXPECT_EQ(status_of("multipart/form-data", "--XyZ--"), 400);
  EXPECT_EQ(status_of("multipart/form-data; charset=utf-8", "--XyZ--"), 400);
  EXPECT_EQ(status_of("multipart/form-data; boundary=", "----"), 400);
  EXPECT_EQ(status_of("multipart/form-data; boundary=\"\"", "----"), 400);
  EXPECT_EQ(status_of("multipart/form-data; boundary=\"unterminated", "--x--"), 400);
  EXPECT_EQ(status_of("multipart/form-data; boundary=\"ends with space \"", "--x--"), 400);
  EXPECT_EQ(status_of("multipart/form-data; boundary=\"bad<char>\"", "--x--"), 400);
  EXPECT_EQ(status_of("multipart/form-data; boundary=" + std::string(71, 'a'), "--x--"), 400);
  EXPECT_EQ(status_of("multipart/form-data; boundary=a; boundary=b", "--a--"), 400);
  EXPECT_EQ(status_of("multipart/form-data; boundary", "--x--"), 400);
}

TEST(Multipart, GarbageIs400) {
  EXPECT_EQ(status_of(kType, ""), 400);
  EXPECT_EQ(status_of(kType, "just some text"), 400);
  EXPECT_EQ(status_of(kType, "\x89PNG\r\n\x1a\n binary"s), 400);
  EXPECT_EQ(status_of(kType, "--XyZ"), 400);          // ends after the first boundary
  EXPECT_EQ(status_of(kType, "--XyZjunk\r\n"), 400);  // boundary line not ended by CRLF
  EXPECT_EQ(status_of(kType, "--XyZ\r\n\r\nno disposition\r\n--XyZ--"), 400);
}

TEST(Multipart, TruncatedBodyIs400) {
  const std::string full =
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
      "Content-Type: image/jpeg\r\n\r\n"
      "0123456789\r\n"
      "--XyZ--\r\n";
  EXPECT_EQ(status_of(kType, full), 200);
  // Cut anywhere before the closing delimiter: always refused.
  const std::size_t close = full.rfind("--XyZ--");
  for (std::size_t length = 0; length < close + 7; ++length)
    EXPECT_EQ(status_of(kType, full.substr(0, length)), 400) << "length " << length;
}

TEST(Multipart, HeadersWithoutEmptyLineAre400) {
  EXPECT_EQ(status_of(kType,
                      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n"
                      "data\r\n--XyZ--"),
            400);
  EXPECT_EQ(status_of(kType, "--XyZ\r\nContent-Disposition: form-data; name=\"file\""), 400);
}

TEST(Multipart, BadPartHeadersAre400) {
  auto body_with = [](const std::string& headers) {
    return "--XyZ\r\n" + headers + "\r\n\r\ndata\r\n--XyZ--\r\n";
  };
  EXPECT_EQ(status_of(kType, body_with("Content-Disposition: form-data; name=\"file\"")), 200);
  EXPECT_EQ(status_of(kType, body_with("Content-Disposition: attachment; name=\"file\"")), 400);
  EXPECT_EQ(status_of(kType, body_with("Content-Disposition: form-data")), 400);
  EXPECT_EQ(status_of(kType, body_with("Content-Disposition: form-data; filename=\"a.jpg\"")), 400);
  EXPECT_EQ(status_of(kType, body_with("Content-Disposition: form-data; name=\"unterminated")),
            400);
  EXPECT_EQ(status_of(kType, body_with("Content-Disposition: form-data; name=a b")), 400);
  EXPECT_EQ(status_of(kType, body_with("Content-Disposition: form-data; name=\"a\"; name=\"b\"")),
            400);
  EXPECT_EQ(status_of(kType, body_with("Content-Disposition: form-data; name=\"a\"\r\n"
                                       "Content-Disposition: form-data; name=\"b\"")),
            400);
  EXPECT_EQ(status_of(kType, body_with("Content-Disposition form-data; name=\"file\"")), 400);
  EXPECT_EQ(status_of(kType, body_with("Content-Disposition: form-data;\r\n name=\"file\"")), 400);
  EXPECT_EQ(status_of(kType, body_with("Content-Type: image/png")), 400);
  EXPECT_EQ(status_of(kType, body_with("Content-Disposition: form-data; name=\"a\x01\"")), 400);
}

TEST(Multipart, HugeHeaderBlockIs400) {
  const std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\nX-Pad: " +
                           std::string(10000, 'a') + "\r\n\r\ndata\r\n--XyZ--";
  EXPECT_EQ(status_of(kType, body), 400);
}

TEST(Multipart, TooManyPartsIs400) {
  std::string body;
  for (int i = 0; i < 65; ++i)
    body +=
        "--XyZ\r\nContent-Disposition: form-data; name=\"f" + std::to_string(i) + "\"\r\n\r\nx\r\n";
  EXPECT_EQ(status_of(kType, body + "--XyZ--"), 400);
}

TEST(Multipart, BoundaryPrefixInsideContentEndsThePart) {
  // RFC 2046: the delimiter must not occur in a part; when it does, what
  // follows it is not a valid boundary line.
  EXPECT_EQ(status_of(kType,
                      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n"
                      "abc\r\n--XyZmore\r\n--XyZ--"),
            400);
}

}  // namespace
}  // namespace ps::http
