#pragma once

#include "db/connection.h"
#include "db/statement_cache.h"

#include <soci/soci.h>

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ps::db {

// SQL text with its bound values. Values are always bound, never spliced in.
// Runs on the statements its Connection has prepared (StatementCache), so the
// same text is parsed once per connection, not on every request. Stores keep
// each statement as a named constant beside the function that runs it and
// build with sql()/bind() only what depends on the request.
class Query {
 public:
  using Nullable = StatementCache::Nullable;

  Query() = default;
  explicit Query(std::string_view text) : text_(text) {}
  Query(const Query&) = delete;  // bound values are referenced by address
  Query& operator=(const Query&) = delete;
  // Moving a deque keeps its elements where they are, so order_ stays valid.
  Query(Query&&) = default;

  // Text and a value for a placeholder ":pN" appended with it, for queries
  // whose WHERE clause depends on the request (filters, search).
  Query& sql(std::string_view text);
  Query& bind(std::string value);
  Query& bind(long long value);
  // Appends ", :p" for each value after the first, i.e. the body of an IN (...).
  Query& bind_list(const std::vector<long long>& values);

  // Values for the placeholders already in the text (":name"), in order.
  Query& value(std::string value);
  Query& value(long long value);
  Query& value(std::optional<long long> value);  // NULL when empty
  template <class... Values>
  Query& values(Values&&... values) {
    (value(std::forward<Values>(values)), ...);
    return *this;
  }

  // Locks the rows the query reads until the transaction ends, so that what
  // is read, checked and written back is not changed meanwhile: " FOR UPDATE"
  // on PostgreSQL, of `table`'s rows only when given (an alias: "p"). Nothing
  // on SQLite, whose one writer at a time keeps the others out already.
  Query& for_update(const Connection& connection, std::string_view table = {});
  // The same, passing over the rows another transaction holds instead of
  // waiting for them (" FOR UPDATE SKIP LOCKED"): workers sharing a queue.
  Query& for_update_skip_locked(const Connection& connection);

  // Text put before the statement, its values unchanged: "EXPLAIN ...".
  Query& prefix(std::string_view text);

  const std::string& text() const { return text_; }

  // Runs a statement without result rows and returns the affected row count.
  long long execute(Connection& connection) const;
  // Runs an INSERT of one row, written without RETURNING, and returns its id
  // (std::logic_error when it inserted none):
  // PostgreSQL answers it with RETURNING id; SQLite's RETURNING collected the
  // row in a temporary b-tree (~35 k instructions a statement), so there the
  // connection's last rowid is read instead (bench/README.md, fix 31).
  long long insert_returning_id(Connection& connection);

  // Runs the query on a statement prepared once per connection and calls
  // visit(const Row&) for each result row. Row is default-constructible and
  // its define(soci::statement&) adds the into() exchanges of one row.
  template <class Row, class Visit>
  void each(Connection& connection, Visit&& visit) const;

  // The one value of a one-row, one-column query (a COUNT, say), or T{}.
  template <class T>
  T single(Connection& connection) const {
    return first<T>(connection).value_or(T{});
  }

  // The first column of the last row (of the only one, typically), or
  // nullopt when there is no row.
  template <class T>
  std::optional<T> first(Connection& connection) const {
    struct Row {
      T value{};
      void define(soci::statement& st) { st.exchange(soci::into(value)); }
    };
    std::optional<T> result;
    each<Row>(connection, [&](const Row& row) { result = row.value; });
    return result;
  }

 private:
  std::string cache_key(const char* row_type) const;
  // This query's entry in the cache, prepared on first use; `define` adds the
  // into() exchanges of the new entry's row.
  StatementCache::Entry& cached(StatementCache& cache, const std::string& key,
                                const std::function<void(StatementCache::Entry&)>& define) const;
  // A new cache entry: this query's values copied in, bound and prepared.
  void prepare_entry(StatementCache::Entry& entry) const;
  // This query's values into an entry prepared for the same text.
  void load_values(StatementCache::Entry& entry) const;

  std::string text_;
  mutable std::deque<std::string> strings_;
  mutable std::deque<long long> numbers_;
  mutable std::deque<Nullable> nullables_;
  std::vector<std::variant<std::string*, long long*, Nullable*>> order_;
};

template <class Row, class Visit>
void Query::each(Connection& connection, Visit&& visit) const {
  StatementCache& cache = connection.statements();
  const std::string key = cache_key(typeid(Row).name());
  StatementCache::Entry& entry = cached(cache, key, [](StatementCache::Entry& fresh) {
    auto row = std::make_shared<Row>();
    row->define(fresh.statement);
    fresh.row = row;
  });
  try {
    entry.statement.execute(false);
    const Row& row = *static_cast<const Row*>(entry.row.get());
    while (entry.statement.fetch()) visit(row);
  } catch (...) {
    cache.erase(key);  // its state is unknown
    throw;
  }
}

}  // namespace ps::db
