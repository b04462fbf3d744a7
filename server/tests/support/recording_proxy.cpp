#include "support/recording_proxy.h"

#include "support/http_client.h"

#include <boost/beast/http/verb.hpp>

#include <set>
#include <stdexcept>

namespace ps::testing {

namespace {
// Hop-by-hop headers, and those the forwarding request sets itself.
const std::set<std::string> kNotForwarded = {"host",   "content-length",    "connection",
                                             "expect", "transfer-encoding", "accept-encoding"};
}  // namespace

RecordingProxy::RecordingProxy(std::uint16_t upstream_port, BeforeRelay before_relay)
    : upstream_port_(upstream_port),
      before_relay_(std::move(before_relay)),
      listener_([this](const WireRequest& request) { return relay(request); }) {}

std::string RecordingProxy::url() const { return "http://127.0.0.1:" + std::to_string(port()); }

std::vector<WireRequest> RecordingProxy::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

WireResponse RecordingProxy::relay(const WireRequest& request) {
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(request);
  }
  if (before_relay_) before_relay_(request);
  Headers forwarded;
  for (const auto& [name, value] : request.headers)
    if (!kNotForwarded.contains(name)) forwarded.emplace_back(name, value);
  const auto verb = boost::beast::http::string_to_verb(request.method);
  WireResponse response;
  try {
    const auto answer =
        HttpClient(upstream_port_).request(verb, request.target, request.body, forwarded);
    response.status = answer.status;
    for (const auto& [name, value] : answer.headers)
      if (!kNotForwarded.contains(name)) response.headers[name] = value;
    response.body = answer.body;
  } catch (const std::exception& error) {
    response.status = 502;
    response.body = error.what();
  }
  return response;
}

}  // namespace ps::testing
