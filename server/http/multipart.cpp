#include "http/multipart.h"

#include "core/errors.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace ps::http {

namespace {
constexpr std::size_t kMaxBoundary = 70;       // RFC 2046 §5.1.1
constexpr std::size_t kMaxParts = 64;          // a form with more is not one of ours
constexpr std::size_t kMaxHeaderBytes = 8192;  // the headers of one part
constexpr std::string_view kCrlf = "\r\n";

ApiError malformed(std::string_view why) {
  return ApiError::bad_request("The multipart/form-data body is malformed: " + std::string(why) +
                               ".");
}

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

bool iequals(std::string_view a, std::string_view b) { return lower(a) == lower(b); }

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// RFC 9110 §5.6.2 tchar.
bool is_tchar(unsigned char c) {
  return std::isalnum(c) ||
         std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

// RFC 2046 §5.1.1 bchars (space allowed, but not last).
bool is_bchar(unsigned char c) {
  return std::isalnum(c) ||
         std::string_view("'()+_,-./:=? ").find(static_cast<char>(c)) != std::string_view::npos;
}

// A header value "type; name=value; name="quoted value"": the leading value
// and the parameters (names lower-cased). Nothing when it is malformed.
struct HeaderValue {
  std::string value;
  std::vector<std::pair<std::string, std::string>> params;

  const std::string* param(std::string_view name) const {
    for (const auto& [key, value] : params)
      if (key == name) return &value;
    return nullptr;
  }
};

class ValueParser {
 public:
  explicit ValueParser(std::string_view text) : text_(text) {}

  std::optional<HeaderValue> parse() {
    HeaderValue result;
    const auto semicolon = text_.find(';');
    result.value = lower(trim(text_.substr(0, semicolon)));
    if (result.value.empty()) return std::nullopt;
    pos_ = semicolon == std::string_view::npos ? text_.size() : semicolon;
    while (true) {
      skip_whitespace();
      if (pos_ == text_.size()) return result;
      if (text_[pos_] != ';') return std::nullopt;
      ++pos_;
      skip_whitespace();
      if (pos_ == text_.size()) return result;  // a trailing ";" is tolerated
      std::string name = lower(token());
      if (name.empty()) return std::nullopt;
      skip_whitespace();
      if (pos_ == text_.size() || text_[pos_] != '=') return std::nullopt;
      ++pos_;
      skip_whitespace();
      std::optional<std::string> value;
      if (pos_ < text_.size() && text_[pos_] == '"')
        value = quoted_string();
      else if (auto plain = token(); !plain.empty())
        value = std::string(plain);
      if (!value || result.param(name)) return std::nullopt;  // bad or repeated
      result.params.emplace_back(std::move(name), std::move(*value));
    }
  }

 private:
  void skip_whitespace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }

  std::string_view token() {
    const auto start = pos_;
    while (pos_ < text_.size() && is_tchar(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  // RFC 9110 §5.6.4: qdtext and quoted-pairs; obs-text (UTF-8 file names) allowed.
  std::optional<std::string> quoted_string() {
    std::string value;
    ++pos_;  // opening quote
    while (pos_ < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[pos_++]);
      if (c == '"') return value;
      if (c == '\\') {
        if (pos_ == text_.size()) return std::nullopt;
        const auto escaped = static_cast<unsigned char>(text_[pos_++]);
        if (escaped < 0x20 && escaped != '\t') return std::nullopt;
        if (escaped == 0x7f) return std::nullopt;
        value.push_back(static_cast<char>(escaped));
      } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return std::nullopt;
      } else {
        value.push_back(static_cast<char>(c));
      }
    }
    return std::nullopt;  // unterminated
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

// Reads the header block of one part into `part`.
void parse_part_headers(std::string_view block, MultipartPart& part) {
  bool has_disposition = false;
  bool has_type = false;
  std::size_t pos = 0;
  while (pos < block.size()) {
    auto end = block.find(kCrlf, pos);
    if (end == std::string_view::npos) end = block.size();
    const std::string_view line = block.substr(pos, end - pos);
    pos = end + kCrlf.size();

    if (line.find_first_of("\r\n") != std::string_view::npos)
      throw malformed("a part header contains a bare CR or LF");
    if (line.empty() || line.front() == ' ' || line.front() == '\t')
      throw malformed("a part header line is empty or folded");
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0)
      throw malformed("a part header has no name or no colon");
    const std::string_view name = line.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(),
                     [](char c) { return is_tchar(static_cast<unsigned char>(c)); }))
      throw malformed("a part header name is invalid");
    const std::string_view value = trim(line.substr(colon + 1));

    if (iequals(name, "Content-Disposition")) {
      if (has_disposition) throw malformed("a part has two Content-Disposition headers");
      has_disposition = true;
      const auto parsed = ValueParser(value).parse();
      if (!parsed) throw malformed("a part's Content-Disposition cannot be parsed");
      if (parsed->value != "form-data")
        throw malformed("a part's Content-Disposition is not form-data");
      const std::string* field_name = parsed->param("name");
      if (!field_name) throw malformed("a part's Content-Disposition has no name");
      part.name = *field_name;
      if (const std::string* filename = parsed->param("filename")) part.filename = *filename;
    } else if (iequals(name, "Content-Type")) {
      if (has_type) throw malformed("a part has two Content-Type headers");
      has_type = true;
      part.content_type = std::string(value);
    }
    // Other part headers (Content-Transfer-Encoding, ...) carry nothing we use.
  }
  if (!has_disposition) throw malformed("a part has no Content-Disposition header");
}
}  // namespace

std::string multipart_boundary(std::string_view content_type) {
  const std::string_view media_type = trim(content_type.substr(0, content_type.find(';')));
  if (!iequals(media_type, "multipart/form-data"))
    throw ApiError::unsupported_media_type("The request body must be multipart/form-data.");
  const auto parsed = ValueParser(content_type).parse();
  if (!parsed) throw malformed("the Content-Type parameters cannot be parsed");
  const std::string* boundary = parsed->param("boundary");
  if (!boundary) throw malformed("the Content-Type has no boundary");
  if (boundary->empty() || boundary->size() > kMaxBoundary || boundary->back() == ' ' ||
      !std::all_of(boundary->begin(), boundary->end(),
                   [](char c) { return is_bchar(static_cast<unsigned char>(c)); }))
    throw malformed("the boundary is not 1 to 70 valid characters");
  return *boundary;
}

std::vector<MultipartPart> parse_multipart(std::string_view content_type, std::string_view body) {
  const std::string boundary = multipart_boundary(content_type);
  const std::string dash_boundary = "--" + boundary;
  const std::string delimiter = "\r\n" + dash_boundary;

  // The first boundary opens the body, or follows a preamble (which is ignored).
  std::size_t pos = 0;
  if (body.substr(0, dash_boundary.size()) == dash_boundary) {
    pos = dash_boundary.size();
  } else {
    const auto found = body.find(delimiter);
    if (found == std::string_view::npos) throw malformed("the boundary never occurs");
    pos = found + delimiter.size();
  }

  std::vector<MultipartPart> parts;
  while (true) {
    const std::string_view rest = body.substr(pos);
    if (rest.substr(0, 2) == "--") return parts;  // the close delimiter; the epilogue is ignored
    // Transport padding, then the end of the boundary line.
    std::size_t line_end = 0;
    while (line_end < rest.size() && (rest[line_end] == ' ' || rest[line_end] == '\t')) ++line_end;
    if (rest.substr(line_end, kCrlf.size()) != kCrlf) {
      if (line_end == rest.size()) throw malformed("the body ends without a closing boundary");
      throw malformed("a boundary line does not end with CRLF");
    }
    pos += line_end + kCrlf.size();

    if (parts.size() == kMaxParts) throw malformed("it has too many parts");
    MultipartPart part;
    std::size_t content_start = 0;
    if (body.substr(pos, kCrlf.size()) == kCrlf) {
      content_start = pos + kCrlf.size();  // a part without headers: refused below
      parse_part_headers({}, part);
    } else {
      const std::string_view window = body.substr(pos, kMaxHeaderBytes + 4);
      const auto headers_end = window.find("\r\n\r\n");
      if (headers_end == std::string_view::npos) {
        if (window.size() > kMaxHeaderBytes) throw malformed("a part's headers are too large");
        throw malformed("a part's headers are not ended by an empty line");
      }
      parse_part_headers(window.substr(0, headers_end), part);
      content_start = pos + headers_end + 4;
    }

    const auto next = body.find(delimiter, content_start);
    if (next == std::string_view::npos) throw malformed("the body ends without a closing boundary");
    part.body = body.substr(content_start, next - content_start);
    parts.push_back(std::move(part));
    pos = next + delimiter.size();
  }
}

std::vector<const MultipartPart*> find_parts(const std::vector<MultipartPart>& parts,
                                             std::string_view name) {
  std::vector<const MultipartPart*> found;
  for (const auto& part : parts)
    if (part.name == name) found.push_back(&part);
  return found;
}

}  // namespace ps::http
