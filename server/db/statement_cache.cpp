#include "db/statement_cache.h"

#include <mutex>
#include <shared_mutex>

namespace ps::db {

namespace {
// Pooled connections by backend, which is how a query finds its cache. A
// reconnected connection has a new backend, registered with its new cache.
struct Registry {
  std::shared_mutex mutex;
  std::unordered_map<const void*, StatementCache*> caches;
};

Registry& registry() {
  static Registry instance;
  return instance;
}
}  // namespace

StatementCache::StatementCache(soci::session& pooled) : pooled_(pooled) {
  std::unique_lock lock(registry().mutex);
  registry().caches[pooled.get_backend()] = this;
}

StatementCache::~StatementCache() {
  entries_.clear();  // finalizes the statements while the connection is open
  std::unique_lock lock(registry().mutex);
  registry().caches.erase(pooled_.get_backend());
}

StatementCache* StatementCache::of(soci::session& session) {
  std::shared_lock lock(registry().mutex);
  auto it = registry().caches.find(session.get_backend());
  return it == registry().caches.end() ? nullptr : it->second;
}

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
