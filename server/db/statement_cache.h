#pragma once

#include <soci/soci.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace ps::db {

// Statements prepared once per pooled connection and executed again and
// again: SQLite re-parsed every query before, which was a third of the CPU of
// a catalog read (bench/README.md). Each entry owns the values its use()
// exchanges read and the row its into() exchanges fill, because SOCI binds by
// address. A cache belongs to one connection and is only touched by the
// thread that holds that connection's lease, so it needs no lock.
class StatementCache {
 public:
  // A value that may be NULL, bound with its indicator.
  struct Nullable {
    long long value = 0;
    soci::indicator indicator = soci::i_null;
  };
  using Value = std::variant<std::string, long long, Nullable>;

  struct Entry {
    explicit Entry(soci::session& session) : statement(session) {}
    soci::statement statement;
    std::vector<Value> values;  // never resized once bound
    std::shared_ptr<void> row;
  };

  // The cache of `pooled` (a db::Connection's session); a reconnected
  // connection is a new Connection, its statements prepared afresh.
  explicit StatementCache(soci::session& pooled) : pooled_(pooled) {}
  ~StatementCache() { entries_.clear(); }  // finalizes the statements first
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  soci::session& pooled() { return pooled_; }
  Entry* find(const std::string& key);
  Entry& insert(const std::string& key, std::unique_ptr<Entry> entry);
  void erase(const std::string& key) { entries_.erase(key); }

 private:
  // Queries whose text varies (IN lists, filters) could grow it without end.
  static constexpr std::size_t kMaxEntries = 256;

  soci::session& pooled_;
  std::unordered_map<std::string, std::unique_ptr<Entry>> entries_;
};

}  // namespace ps::db
