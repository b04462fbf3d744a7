#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ps::http {

// One part of a multipart/form-data body (RFC 7578). `body` is a view into
// the body that was parsed: keep that alive while the part is used.
struct MultipartPart {
  std::string name;                     // Content-Disposition: form-data; name="..."
  std::optional<std::string> filename;  // ...; filename="..." (as sent: never trust it)
  std::string content_type;             // the part's Content-Type, as sent; empty when absent
  std::string_view body;
};

// The boundary of a multipart/form-data Content-Type header value (quoted or
// not). Throws ApiError 415 when the value is not multipart/form-data, 400
// when the boundary is missing or not a valid RFC 2046 boundary.
std::string multipart_boundary(std::string_view content_type);

// Splits a multipart/form-data body into its parts. Strict: throws ApiError
// 415 when the Content-Type is not multipart/form-data, 400 when the body is
// malformed (no delimiter, headers not ended by an empty line, a part without
// a form-data Content-Disposition and name, no closing delimiter, too many
// parts or header bytes).
std::vector<MultipartPart> parse_multipart(std::string_view content_type, std::string_view body);

// The parts named `name`, in order.
std::vector<const MultipartPart*> find_parts(const std::vector<MultipartPart>& parts,
                                             std::string_view name);

}  // namespace ps::http
