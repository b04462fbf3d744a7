#include "support/s3_server.h"

#include "core/random.h"

#include <cstdlib>

namespace ps::testing {

std::optional<S3Server> s3_server_from_environment() {
  auto variable = [](const char* name) {
    const char* value = std::getenv(name);
    return std::string(value ? value : "");
  };
  S3Server server{variable("POCKETSHOP_TEST_S3_ENDPOINT"),
                  variable("POCKETSHOP_TEST_S3_ACCESS_KEY"),
                  variable("POCKETSHOP_TEST_S3_SECRET_KEY")};
  if (server.endpoint.empty()) return std::nullopt;
  return server;
}

http::OutboundResponse s3_request(const S3Server& server, const std::string& method,
                                  const std::string& path) {
  http::OutboundRequest request;
  request.method = method;
  request.url = server.endpoint + path;
  request.max_answer_bytes = 64 << 20;
  request.aws_sigv4 = "aws:amz:us-east-1:s3";
  request.aws_access_key = server.access_key;
  request.aws_secret_key = server.secret_key;
  request.headers.push_back("x-amz-content-sha256: " + sha256_hex(""));
  return http::send(request);
}

std::string unique_bucket_name() { return "pocketshop-test-" + random_hex(8); }

}  // namespace ps::testing
