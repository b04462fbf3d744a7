#include "db/query.h"

#include <stdexcept>

namespace ps::db {

Query& Query::sql(std::string_view text) {
  text_ += text;
  return *this;
}

Query& Query::value(std::string value) {
  strings_.push_back(std::move(value));
  order_.emplace_back(&strings_.back());
  return *this;
}

Query& Query::value(long long value) {
  numbers_.push_back(value);
  order_.emplace_back(&numbers_.back());
  return *this;
}

Query& Query::value(std::optional<long long> value) {
  nullables_.push_back({value.value_or(0), value ? soci::i_ok : soci::i_null});
  order_.emplace_back(&nullables_.back());
  return *this;
}

Query& Query::bind(std::string value) {
  this->value(std::move(value));
  text_ += ":p" + std::to_string(order_.size());
  return *this;
}

Query& Query::bind(long long value) {
  this->value(value);
  text_ += ":p" + std::to_string(order_.size());
  return *this;
}

namespace {
template <class T>
void bind_value(soci::statement& statement, T& value) {
  statement.exchange(soci::use(value));
}
void bind_value(soci::statement& statement, StatementCache::Nullable& value) {
  statement.exchange(soci::use(value.value, value.indicator));
}
}  // namespace

Query& Query::bind_list(const std::vector<long long>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) text_ += ", ";
    bind(values[i]);
  }
  return *this;
}

Query& Query::for_update(const Connection& connection, std::string_view table) {
  if (connection.dialect() != Dialect::postgres) return *this;
  text_ += " FOR UPDATE";
  if (!table.empty()) text_.append(" OF ").append(table);
  return *this;
}

Query& Query::for_update_skip_locked(const Connection& connection) {
  if (connection.dialect() == Dialect::postgres) text_ += " FOR UPDATE SKIP LOCKED";
  return *this;
}

Query& Query::prefix(std::string_view text) {
  text_.insert(0, text);
  return *this;
}

long long Query::execute(Connection& connection) const {
  StatementCache& cache = connection.statements();
  const std::string key = cache_key("");
  StatementCache::Entry& entry = cached(cache, key, {});
  try {
    entry.statement.execute(true);
    return entry.statement.get_affected_rows();
  } catch (...) {
    cache.erase(key);  // its state is unknown
    throw;
  }
}

long long Query::insert_returning_id(Connection& connection) {
  std::optional<long long> id;
  if (connection.dialect() == Dialect::sqlite) {
    // The last rowid is only this statement's when it inserted a row.
    long long rowid = 0;
    if (execute(connection) == 1 && connection.session().get_last_insert_id({}, rowid)) id = rowid;
  } else {
    text_ += " RETURNING id";
    id = first<long long>(connection);
  }
  if (!id) throw std::logic_error("An INSERT meant to add one row added none: " + text_);
  return *id;
}

std::string Query::cache_key(const char* row_type) const {
  static constexpr char kTypeLetters[] = {'s', 'n', 'o'};  // the order_ alternatives
  std::string key = text_;
  key += '\n';
  for (const auto& value : order_) key += kTypeLetters[value.index()];
  key += '\n';
  key += row_type;
  return key;
}

StatementCache::Entry& Query::cached(
    StatementCache& cache, const std::string& key,
    const std::function<void(StatementCache::Entry&)>& define) const {
  if (StatementCache::Entry* entry = cache.find(key)) {
    load_values(*entry);
    return *entry;
  }
  auto fresh = std::make_unique<StatementCache::Entry>(cache.pooled());
  if (define) define(*fresh);
  prepare_entry(*fresh);
  return cache.insert(key, std::move(fresh));
}

void Query::prepare_entry(StatementCache::Entry& entry) const {
  entry.values.reserve(order_.size());
  for (const auto& value : order_)
    std::visit([&](auto* pointer) { entry.values.emplace_back(*pointer); }, value);
  for (auto& value : entry.values)
    std::visit([&](auto& held) { bind_value(entry.statement, held); }, value);
  entry.statement.alloc();
  entry.statement.prepare(text_);
  entry.statement.define_and_bind();
}

void Query::load_values(StatementCache::Entry& entry) const {
  for (std::size_t i = 0; i < order_.size(); ++i)
    std::visit(
        [&](auto* pointer) {
          std::get<std::remove_cvref_t<decltype(*pointer)>>(entry.values[i]) = *pointer;
        },
        order_[i]);
}

}  // namespace ps::db
