#pragma once

#include "core/clock.h"
#include "core/errors.h"
#include "core/page.h"
#include "http/request.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ps::http {

using ps::PageRequest;

// Reads query-string parameters, collecting every problem so that one 422
// lists them all. Call finish() after the last read.
class QueryFields {
 public:
  explicit QueryFields(const Request& request) : request_(request) {}

  std::optional<std::string> text(std::string_view name, std::size_t max_length);
  std::optional<std::int64_t> integer(std::string_view name, std::int64_t min, std::int64_t max);
  std::optional<bool> boolean(std::string_view name);
  // One of `allowed`, or `fallback` when absent.
  std::string choice(std::string_view name, std::span<const std::string_view> allowed,
                     std::string_view fallback);
  std::string choice(std::string_view name, std::initializer_list<std::string_view> allowed,
                     std::string_view fallback) {
    return choice(name, {allowed.begin(), allowed.size()}, fallback);
  }
  // page (from 1) and limit (1..max_limit).
  PageRequest page(int default_limit = 24, int max_limit = 100);

  void fail(std::string_view name, std::string message);
  void finish() const;

 private:
  const Request& request_;
  FieldErrors errors_;
};

boost::json::object page_json(const PageRequest& page, long long total,
                              boost::json::storage_ptr sp = {});

// A time that may be unset, as answers write it: RFC 3339, or null.
boost::json::value rfc3339_or_null(const std::optional<Millis>& at);

}  // namespace ps::http
