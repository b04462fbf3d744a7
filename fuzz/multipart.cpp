// multipart/form-data uploads (http/multipart.h). The input's first line is
// the Content-Type header value and the rest is the body, as POST /api/uploads
// hands them to parse_multipart.
#include "http/multipart.h"
#include "fuzz/fuzz_support.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  const std::string_view content_type =
      std::string_view(input).substr(0, newline == std::string::npos ? size : newline);
  const std::string_view body = newline == std::string::npos
                                    ? std::string_view{}
                                    : std::string_view(input).substr(newline + 1);

  ps::fuzz::expect_only_api_errors([&] {
    const auto parts = ps::http::parse_multipart(content_type, body);
    for (const auto& part : parts) {
      // Every part is a view into the body it came from.
      if (part.body.data() < body.data() ||
          part.body.data() + part.body.size() > body.data() + body.size())
        ps::fuzz::crash("a part's body lies outside the request body");
    }
    const auto files = ps::http::find_parts(parts, "file");
    if (files.size() > parts.size()) ps::fuzz::crash("more file parts than parts");
  });
  return 0;
}
