#pragma once

#include "http/request.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace ps::http {

// Bodies smaller than this are sent as they are: gzip's header and the
// CPU time would cost more than the few bytes saved.
inline constexpr std::size_t kMinCompressedBodyBytes = 1024;

// Whether an Accept-Encoding value lets us answer with gzip (RFC 9110
// §12.5.3): "gzip" (or "x-gzip") with a q-value above 0, or else "*" above 0.
// No header or an empty one means identity only.
bool accepts_gzip(std::string_view accept_encoding);

// Whether a Content-Type is text-like, so that gzip shrinks it.
bool is_compressible(std::string_view content_type);

// The gzip encoding of `bytes` (zlib).
std::string gzip(std::string_view bytes);

// The strong ETag of a gzip representation, from its identity one:
// "abc" -> "abc-gzip" (W/"abc" -> W/"abc-gzip").
std::string gzip_etag(std::string_view etag);

// Whether If-None-Match lists `etag` or is "*". Weak comparison, as RFC 9110
// asks for GETs.
bool if_none_match_lists(std::string_view if_none_match, std::string_view etag);

// Whether If-None-Match names the representation tagged `etag` (identity) in
// either encoding, or is "*".
bool if_none_match_matches(std::string_view if_none_match, std::string_view etag);

// For the pipeline: whether to send this response gzip-encoded. Adds
// Vary: Accept-Encoding whenever the answer depends on that header. Leaves
// alone responses whose handler chose the encoding itself (Content-Encoding
// set, or Vary already naming Accept-Encoding: the web app's files).
bool negotiate_gzip(const Request& request, Response& response);

// Turns the response into its gzip representation: its own ETag and, unless
// it is a 304 without a body, the compressed body and Content-Encoding.
void use_gzip(Response& response);

}  // namespace ps::http
