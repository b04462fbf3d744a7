#pragma once

#include <soci/soci.h>

#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ps::db {

// SQL text with its bound values, for queries whose WHERE clause depends on
// the request (filters, search). Values are always bound, never spliced in.
class Query {
 public:
  Query() = default;
  explicit Query(std::string_view text) : text_(text) {}
  Query(const Query&) = delete;  // bound values are referenced by address
  Query& operator=(const Query&) = delete;

  Query& sql(std::string_view text);
  Query& bind(std::string value);
  Query& bind(long long value);
  // Appends ", :p" for each value after the first, i.e. the body of an IN (...).
  Query& bind_list(const std::vector<long long>& values);
  const std::string& text() const { return text_; }

  // Prepares and executes; `define` adds the into() exchanges of one row.
  // Call fetch() on the result for each row. Keep this Query alive meanwhile.
  soci::statement run(soci::session& session,
                      const std::function<void(soci::statement&)>& define) const;
  // Runs a query without result rows and returns the affected row count.
  long long execute(soci::session& session) const;

 private:
  soci::statement prepare(soci::session& session,
                          const std::function<void(soci::statement&)>& define) const;

  std::string text_;
  mutable std::deque<std::string> strings_;
  mutable std::deque<long long> numbers_;
  std::vector<std::variant<std::string*, long long*>> order_;
};

}  // namespace ps::db
