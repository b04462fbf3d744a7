#include "http/query_input.h"

#include "core/text.h"

#include <boost/json/object.hpp>

#include <charconv>

namespace ps::http {

void QueryFields::fail(std::string_view name, std::string message) {
  errors_[std::string(name)].push_back(std::move(message));
}

void QueryFields::finish() const {
  if (!errors_.empty()) throw ApiError::validation(errors_);
}

std::optional<std::string> QueryFields::text(std::string_view name, std::size_t max_length) {
  const auto value = request_.query(name);
  if (!value || value->empty()) return std::nullopt;
  if (value->size() > max_length) {
    fail(name, "must be at most " + std::to_string(max_length) + " characters");
    return std::nullopt;
  }
  // PostgreSQL refuses ill-formed UTF-8 (a 500 before this check), and no
  // parameter has a use for control characters.
  if (!text::is_plain(*value)) {
    fail(name, "must be UTF-8 text without control characters");
    return std::nullopt;
  }
  return std::string(*value);
}

std::optional<std::int64_t> QueryFields::integer(std::string_view name, std::int64_t min,
                                                 std::int64_t max) {
  const auto value = request_.query(name);
  if (!value || value->empty()) return std::nullopt;
  std::int64_t number = 0;
  const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), number);
  if (ec != std::errc{} || end != value->data() + value->size()) {
    fail(name, "must be an integer");
    return std::nullopt;
  }
  if (number < min || number > max) {
    fail(name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return number;
}

std::optional<bool> QueryFields::boolean(std::string_view name) {
  const auto value = request_.query(name);
  if (!value || value->empty()) return std::nullopt;
  if (*value == "true" || *value == "1") return true;
  if (*value == "false" || *value == "0") return false;
  fail(name, "must be true or false");
  return std::nullopt;
}

std::string QueryFields::choice(std::string_view name, std::span<const std::string_view> allowed,
                                std::string_view fallback) {
  const auto value = request_.query(name);
  if (!value || value->empty()) return std::string(fallback);
  for (auto option : allowed)
    if (*value == option) return std::string(option);
  std::string list;
  for (auto option : allowed) list += (list.empty() ? "" : ", ") + std::string(option);
  fail(name, "must be one of: " + list);
  return std::string(fallback);
}

PageRequest QueryFields::page(int default_limit, int max_limit) {
  PageRequest page;
  page.page = static_cast<int>(integer("page", 1, 100000).value_or(1));
  page.limit = static_cast<int>(integer("limit", 1, max_limit).value_or(default_limit));
  return page;
}

boost::json::object page_json(const PageRequest& page, long long total,
                              boost::json::storage_ptr sp) {
  return boost::json::object({{"page", page.page},
                              {"limit", page.limit},
                              {"total", total},
                              {"pages", total == 0 ? 0 : (total + page.limit - 1) / page.limit}},
                             std::move(sp));
}

boost::json::value rfc3339_or_null(const std::optional<Millis>& at) {
  return at ? boost::json::value(to_rfc3339(*at)) : boost::json::value(nullptr);
}

}  // namespace ps::http
