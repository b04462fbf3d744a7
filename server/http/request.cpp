#include "http/request.h"

#include "core/errors.h"

#include <boost/json/serializer.hpp>

#include <charconv>

namespace ps::http {

namespace {
std::string_view find(const std::vector<std::pair<std::string, std::string>>& pairs,
                      std::string_view name) {
  for (const auto& [key, value] : pairs)
    if (key == name) return value;
  return {};
}
}  // namespace

std::string_view Request::param(std::string_view name) const { return find(path_params, name); }

std::optional<std::string_view> Request::query(std::string_view name) const {
  for (const auto& [key, value] : query_params)
    if (key == name) return std::string_view(value);
  return std::nullopt;
}

std::string_view Request::header(bhttp::field field) const {
  auto it = raw.find(field);
  return it == raw.end() ? std::string_view{} : std::string_view(it->value());
}

std::string_view Request::header(std::string_view name) const {
  auto it = raw.find(name);
  return it == raw.end() ? std::string_view{} : std::string_view(it->value());
}

std::int64_t Request::id_param(std::string_view name, std::string_view what) const {
  const auto text = param(name);
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0)
    throw ApiError::not_found("There is no such " + std::string(what) + ".");
  return id;
}

namespace {
// boost::json::serialize grows its string by zero-filled doublings; a page of
// products (~20 KB) paid for three of them (bench/README.md, fix 27).
std::string json_text(const boost::json::value& body) {
  boost::json::serializer serializer;
  serializer.reset(&body);
  std::string text;
  char chunk[65536];  // most bodies in one piece: one allocation of their size
  while (!serializer.done()) text.append(serializer.read(chunk));
  return text;
}

Response body_response(unsigned status, std::string_view content_type, std::string body) {
  Response response{static_cast<bhttp::status>(status), 11};
  response.set(bhttp::field::content_type, content_type);
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}
}  // namespace

Response json_response(unsigned status, const boost::json::value& body) {
  return body_response(status, "application/json", json_text(body));
}

Response problem_response(unsigned status, const boost::json::value& problem) {
  return body_response(status, "application/problem+json", json_text(problem));
}

Response empty_response(unsigned status) {
  Response response{static_cast<bhttp::status>(status), 11};
  response.prepare_payload();
  return response;
}

}  // namespace ps::http
