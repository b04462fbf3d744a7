#include "db/statement_cache.h"

namespace ps::db {

StatementCache::Entry* StatementCache::find(const std::string& key) {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : it->second.get();
}

StatementCache::Entry& StatementCache::insert(const std::string& key,
                                              std::unique_ptr<Entry> entry) {
  if (entries_.size() >= kMaxEntries) entries_.clear();
  return *(entries_[key] = std::move(entry));
}

}  // namespace ps::db
