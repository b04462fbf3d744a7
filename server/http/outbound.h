#pragma once

// Requests this server sends to other services (the payment gateway, webhook
// receivers, object storage), over libcurl. Blocking: call from a worker thread, never from
// the I/O threads.

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ps::http {

struct OutboundRequest {
  std::string method = "GET";  // GET, HEAD, POST or PUT
  std::string url;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;
  std::chrono::milliseconds timeout{10'000};
  bool keep_answer = true;  // false: the answer's body is read and dropped, however long
  std::size_t max_answer_bytes = 1 << 20;  // a longer answer fails the request
  // When set, libcurl signs the request with AWS Signature V4
  // (CURLOPT_AWS_SIGV4, e.g. "aws:amz:us-east-1:s3") as access_key:secret_key.
  std::string aws_sigv4;
  std::string aws_access_key;
  std::string aws_secret_key;
};

struct OutboundResponse {
  long status = 0;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased

  // The value of the first header with this (lower-case) name; empty when absent.
  std::string header(std::string_view name) const;
};

// The request never got an answer: refused, timed out, cut off. Whether the
// other side acted on it is unknown.
class OutboundError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Sends one request and reads the whole answer (at most max_answer_bytes). Each thread
// keeps its own handle, so connections to a service are reused.
OutboundResponse send(const OutboundRequest& request);

// key=value pairs as application/x-www-form-urlencoded, in the given order.
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& pairs);

}  // namespace ps::http
