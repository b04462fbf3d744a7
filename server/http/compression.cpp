#include "http/compression.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <new>
#include <optional>
#include <stdexcept>

namespace ps::http {

namespace {
// Level 1, since responses are compressed on every request, on the network
// threads: on a 7 KiB product list it takes half the time of levels 4-6 for
// a body only about 10% larger (680 bytes against 620).
constexpr int kGzipLevel = 1;
// 15 is zlib's largest window; adding 16 asks for a gzip wrapper instead of
// zlib's own.
constexpr int kGzipWindowBits = 15 + 16;
constexpr int kDefaultMemLevel = 8;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
    return std::tolower(x) == std::tolower(y);
  });
}

bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

// Calls visit(element) for each non-empty element of a comma-separated list.
template <typename Visit>
void for_each_element(std::string_view list, Visit visit) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    const auto element = trim(list.substr(0, comma));
    if (!element.empty()) visit(element);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

// An RFC 9110 qvalue ("0", "0.5", "1.000") in thousandths; 0 when malformed,
// so that a garbled weight never turns an encoding on.
int parse_qvalue(std::string_view text) {
  if (text.empty() || text.size() > 5 || (text[0] != '0' && text[0] != '1')) return 0;
  int thousandths = (text[0] - '0') * 1000;
  if (text.size() == 1) return thousandths;
  if (text[1] != '.') return 0;
  int scale = 100;
  for (const char digit : text.substr(2)) {
    if (digit < '0' || digit > '9') return 0;
    thousandths += (digit - '0') * scale;
    scale /= 10;
  }
  return thousandths > 1000 ? 0 : thousandths;
}

// The weight of one element's parameters ("; q=0.5"): 1000 without a q.
int weight(std::string_view parameters) {
  int result = 1000;
  for (auto rest = parameters; !rest.empty();) {
    const auto semicolon = rest.find(';');
    const auto parameter = trim(rest.substr(0, semicolon));
    if (istarts_with(parameter, "q=")) result = parse_qvalue(trim(parameter.substr(2)));
    if (semicolon == std::string_view::npos) break;
    rest.remove_prefix(semicolon + 1);
  }
  return result;
}

// Deletes a deflate stream's state however gzip() leaves.
struct DeflateStream {
  z_stream stream{};
  DeflateStream() {
    if (deflateInit2(&stream, kGzipLevel, Z_DEFLATED, kGzipWindowBits, kDefaultMemLevel,
                     Z_DEFAULT_STRATEGY) != Z_OK)
      throw std::bad_alloc();
  }
  ~DeflateStream() { deflateEnd(&stream); }
  DeflateStream(const DeflateStream&) = delete;
  DeflateStream& operator=(const DeflateStream&) = delete;
};

bool varies_by_encoding(const Response& response) {
  bool found = false;
  for_each_element(response[bhttp::field::vary], [&found](std::string_view name) {
    found = found || name == "*" || iequals(name, "accept-encoding");
  });
  return found;
}

void add_vary_accept_encoding(Response& response) {
  const auto vary = response[bhttp::field::vary];
  response.set(bhttp::field::vary, vary.empty() ? std::string("Accept-Encoding")
                                                : std::string(vary) + ", Accept-Encoding");
}
}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  std::optional<int> gzip_weight;
  std::optional<int> any_weight;
  for_each_element(accept_encoding, [&](std::string_view element) {
    const auto semicolon = element.find(';');
    const auto coding = trim(element.substr(0, semicolon));
    const int q =
        semicolon == std::string_view::npos ? 1000 : weight(element.substr(semicolon + 1));
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip"))
      gzip_weight = std::max(gzip_weight.value_or(0), q);
    else if (coding == "*")
      any_weight = q;
  });
  if (gzip_weight) return *gzip_weight > 0;
  return any_weight.value_or(0) > 0;
}

bool is_compressible(std::string_view content_type) {
  const auto media_type = trim(content_type.substr(0, content_type.find(';')));
  return istarts_with(media_type, "text/") || iequals(media_type, "application/json") ||
         iequals(media_type, "application/problem+json") ||
         iequals(media_type, "application/javascript") || iequals(media_type, "image/svg+xml");
}

std::string gzip(std::string_view bytes) {
  DeflateStream deflater;
  z_stream& stream = deflater.stream;
  // deflateBound is enough for one Z_FINISH call, so there is no output loop.
  std::string compressed(deflateBound(&stream, bytes.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());  // bodies are far below 4 GiB
  stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
  stream.avail_out = static_cast<uInt>(compressed.size());
  if (deflate(&stream, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("gzip failed");
  compressed.resize(stream.total_out);
  return compressed;
}

std::string gzip_etag(std::string_view etag) {
  std::string tagged(etag);
  const bool quoted = etag.size() >= 2 && etag.back() == '"' && etag.find('"') < etag.size() - 1;
  tagged.insert(quoted ? tagged.size() - 1 : tagged.size(), "-gzip");
  return tagged;
}

bool if_none_match_lists(std::string_view if_none_match, std::string_view etag) {
  const auto opaque = [](std::string_view tag) {
    return tag.substr(0, 2) == "W/" ? tag.substr(2) : tag;  // weak comparison
  };
  bool found = false;
  for_each_element(if_none_match, [&](std::string_view candidate) {
    const auto tag = opaque(candidate);
    found = found || tag == "*" || tag == opaque(etag);
  });
  return found;
}

bool if_none_match_matches(std::string_view if_none_match, std::string_view etag) {
  return if_none_match_lists(if_none_match, etag) ||
         if_none_match_lists(if_none_match, gzip_etag(etag));
}

bool negotiate_gzip(const Request& request, Response& response) {
  if (response.find(bhttp::field::content_encoding) != response.end() ||
      varies_by_encoding(response))
    return false;
  if (response.body().size() < kMinCompressedBodyBytes ||
      !is_compressible(response[bhttp::field::content_type]))
    return false;
  add_vary_accept_encoding(response);
  return accepts_gzip(request.header(bhttp::field::accept_encoding));
}

void use_gzip(Response& response) {
  if (const auto etag = response.find(bhttp::field::etag); etag != response.end())
    response.set(bhttp::field::etag, gzip_etag(etag->value()));
  if (response.result() == bhttp::status::not_modified) return;
  response.body() = gzip(response.body());
  response.set(bhttp::field::content_encoding, "gzip");
  response.prepare_payload();
}

}  // namespace ps::http
