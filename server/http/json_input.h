#pragma once

#include "core/errors.h"
#include "http/request.h"

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ps::http {

// Parses the body of a JSON request: 415 unless Content-Type is JSON, 400 when
// the body is not a JSON object.
boost::json::object parse_json_object(const Request& request);

// Reads fields out of a JSON object, collecting every problem so that one 422
// lists them all. Call finish() after the last read.
class JsonFields {
 public:
  explicit JsonFields(const boost::json::object& object) : object_(object) {}

  enum class Trim { yes, no };  // no: for secrets such as passwords

  // String of [min_length, max_length] characters, trimmed unless asked not to.
  std::string required_string(std::string_view name, std::size_t min_length, std::size_t max_length,
                              Trim trim = Trim::yes);
  std::optional<std::string> optional_string(std::string_view name, std::size_t min_length,
                                             std::size_t max_length, Trim trim = Trim::yes);
  std::optional<std::int64_t> optional_integer(std::string_view name, std::int64_t min,
                                               std::int64_t max);
  std::int64_t required_integer(std::string_view name, std::int64_t min, std::int64_t max);
  std::optional<bool> optional_bool(std::string_view name);
  bool has(std::string_view name) const { return object_.contains(name); }

  // Keeps a read value only when it is one of `allowed`; else fails the field
  // with the list and resets the value.
  void keep_if_one_of(std::optional<std::string>& value, std::string_view name,
                      std::span<const std::string_view> allowed);

  void fail(std::string_view name, std::string message);
  bool ok() const { return errors_.empty(); }
  // Throws ApiError 422 with every collected message, if any.
  void finish() const;
  // For a nested object read with its own JsonFields: copies its problems
  // into `outer`, each named "prefix.field"; true when there were none.
  bool finish_into(JsonFields& outer, std::string_view prefix) const;

 private:
  const boost::json::object& object_;
  FieldErrors errors_;
};

}  // namespace ps::http
