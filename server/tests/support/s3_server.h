#pragma once

#include "http/outbound.h"

#include <optional>
#include <string>

namespace ps::testing {

// The S3-compatible server scripts/with-s3.sh starts on 127.0.0.1 (moto), as
// its POCKETSHOP_TEST_S3_* variables describe it.
struct S3Server {
  std::string endpoint;
  std::string access_key;
  std::string secret_key;
};

// Nothing when POCKETSHOP_TEST_S3_ENDPOINT is unset (the tests were not run
// through scripts/with-s3.sh).
std::optional<S3Server> s3_server_from_environment();

// One request to the server, signed with its keys by libcurl, as a client of
// the bucket would send it: path is "/<bucket>" or "/<bucket>/<key>/<file>".
http::OutboundResponse s3_request(const S3Server& server, const std::string& method,
                                  const std::string& path);

// A bucket name no other test uses.
std::string unique_bucket_name();

}  // namespace ps::testing
