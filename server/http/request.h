#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ps::http {

namespace bhttp = boost::beast::http;
using RawRequest = bhttp::request<bhttp::string_body>;
using Response = bhttp::response<bhttp::string_body>;

// One request as the handlers see it: the parsed message plus what the server
// learnt about it (id, client address, path parameters).
struct Request {
  RawRequest raw;
  std::string request_id;
  std::string client_address;
  std::string path;   // percent-decoded, without the query
  std::string route;  // the matched pattern, e.g. "/api/products/{id}" (bounded, for metrics)
  std::vector<std::pair<std::string, std::string>> path_params;
  std::vector<std::pair<std::string, std::string>> query_params;  // decoded

  bhttp::verb method() const { return raw.method(); }
  // The value of {name} in the route pattern; empty when absent.
  std::string_view param(std::string_view name) const;
  std::optional<std::string_view> query(std::string_view name) const;
  std::string_view header(bhttp::field field) const;
  std::string_view header(std::string_view name) const;
  // The positive integer id in path parameter {name}; ApiError 404 ("There is
  // no such <what>.") for anything else, since such a resource cannot exist.
  std::int64_t id_param(std::string_view name, std::string_view what) const;
};

using Handler = std::function<boost::asio::awaitable<Response>(Request&)>;

Response json_response(unsigned status, const boost::json::value& body);
Response empty_response(unsigned status);
Response problem_response(unsigned status, const boost::json::value& problem);

}  // namespace ps::http
