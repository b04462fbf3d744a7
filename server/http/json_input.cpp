#include "http/json_input.h"

#include <algorithm>

#include <boost/beast/core/string.hpp>
#include <boost/json/parse.hpp>

namespace ps::http {

namespace {
bool is_json_media_type(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  std::string_view type = content_type.substr(0, semicolon);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return boost::beast::iequals(type, "application/json") ||
         (type.size() > 5 && boost::beast::iequals(type.substr(type.size() - 5), "+json"));
}

// Length in code points, so limits mean characters, not bytes.
std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++count;
  return count;
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}
}  // namespace

boost::json::object parse_json_object(const Request& request) {
  if (!is_json_media_type(request.header(bhttp::field::content_type)))
    throw ApiError::unsupported_media_type("Send the request body as application/json.");
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(request.raw.body(), ec);
  if (ec) throw ApiError::bad_request("The request body is not valid JSON: " + ec.message() + ".");
  if (!value.is_object()) throw ApiError::bad_request("The request body must be a JSON object.");
  return std::move(value.as_object());
}

void JsonFields::keep_if_one_of(std::optional<std::string>& value, std::string_view name,
                                std::span<const std::string_view> allowed) {
  if (!value || std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return;
  std::string listed;
  for (auto item : allowed) listed += (listed.empty() ? "" : ", ") + std::string(item);
  fail(name, "must be one of: " + listed);
  value.reset();
}

bool JsonFields::finish_into(JsonFields& outer, std::string_view prefix) const {
  for (const auto& [field, messages] : errors_)
    for (const auto& message : messages) outer.fail(std::string(prefix) + "." + field, message);
  return errors_.empty();
}

void JsonFields::fail(std::string_view name, std::string message) {
  errors_[std::string(name)].push_back(std::move(message));
}

void JsonFields::finish() const {
  if (!errors_.empty()) throw ApiError::validation(errors_);
}

std::optional<std::string> JsonFields::optional_string(std::string_view name,
                                                       std::size_t min_length,
                                                       std::size_t max_length, Trim trim) {
  const auto* value = object_.if_contains(name);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_string()) {
    fail(name, "must be a string");
    return std::nullopt;
  }
  std::string text =
      trim == Trim::yes ? trimmed(value->as_string()) : std::string(value->as_string());
  const auto length = utf8_length(text);
  if (length < min_length) {
    fail(name, min_length == 1 ? "must not be empty"
                               : "must be at least " + std::to_string(min_length) + " characters");
    return std::nullopt;
  }
  if (length > max_length) {
    fail(name, "must be at most " + std::to_string(max_length) + " characters");
    return std::nullopt;
  }
  return text;
}

std::string JsonFields::required_string(std::string_view name, std::size_t min_length,
                                        std::size_t max_length, Trim trim) {
  const auto* value = object_.if_contains(name);
  if (!value || value->is_null()) {
    fail(name, "is required");
    return {};
  }
  return optional_string(name, min_length, max_length, trim).value_or("");
}

std::optional<std::int64_t> JsonFields::optional_integer(std::string_view name, std::int64_t min,
                                                         std::int64_t max) {
  const auto* value = object_.if_contains(name);
  if (!value || value->is_null()) return std::nullopt;
  std::int64_t number = 0;
  if (value->is_int64()) {
    number = value->as_int64();
  } else if (value->is_uint64() && value->as_uint64() <= static_cast<std::uint64_t>(max)) {
    number = static_cast<std::int64_t>(value->as_uint64());
  } else if (value->is_uint64()) {
    fail(name, "must be at most " + std::to_string(max));
    return std::nullopt;
  } else {
    fail(name, "must be an integer");
    return std::nullopt;
  }
  if (number < min || number > max) {
    fail(name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return number;
}

std::int64_t JsonFields::required_integer(std::string_view name, std::int64_t min,
                                          std::int64_t max) {
  const auto* value = object_.if_contains(name);
  if (!value || value->is_null()) {
    fail(name, "is required");
    return 0;
  }
  return optional_integer(name, min, max).value_or(0);
}

std::optional<bool> JsonFields::optional_bool(std::string_view name) {
  const auto* value = object_.if_contains(name);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_bool()) {
    fail(name, "must be true or false");
    return std::nullopt;
  }
  return value->as_bool();
}

}  // namespace ps::http
