#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ps::gateway {

// An application/x-www-form-urlencoded body as Stripe's API takes it: nested
// parameters in bracket notation ("card[number]", "metadata[order_id]"),
// '+' for a space. Readers throw StripeError 400 naming the parameter.
class Form {
 public:
  // Throws StripeError 400 for a malformed body (bad escapes, empty or
  // unbalanced keys, too many parameters).
  static Form parse(std::string_view body);

  bool has(std::string_view key) const { return values_.contains(key); }
  std::optional<std::string> get(std::string_view key) const;

  std::string required_string(std::string_view key, std::size_t max_length = 5000) const;
  std::optional<std::string> optional_string(std::string_view key,
                                             std::size_t max_length = 5000) const;
  std::int64_t required_integer(std::string_view key, std::int64_t min, std::int64_t max) const;
  std::optional<std::int64_t> optional_integer(std::string_view key, std::int64_t min,
                                               std::int64_t max) const;
  std::optional<bool> optional_bool(std::string_view key) const;
  // One of `allowed`, or nullopt when absent.
  std::optional<std::string> optional_enum(std::string_view key,
                                           std::initializer_list<std::string_view> allowed) const;
  // A three-letter ISO currency code, lower-cased.
  std::string required_currency(std::string_view key) const;
  // "metadata[k]=v" pairs as {k: v}; Stripe's limits (50 keys, 40-character
  // keys, 500-character values).
  std::map<std::string, std::string> metadata() const;

  // Refuses any parameter not listed. An entry ending in '[' allows every
  // key under it ("metadata[").
  void allow_only(std::initializer_list<std::string_view> allowed) const;
  void allow_only(const std::vector<std::string>& allowed) const;

  // The parameters, sorted, as one string: what an idempotency key is bound to.
  std::string canonical() const;

 private:
  template <typename Entries>
  void allow_only_entries(const Entries& allowed) const;

  std::map<std::string, std::string, std::less<>> values_;
};

}  // namespace ps::gateway
