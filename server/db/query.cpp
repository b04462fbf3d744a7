#include "db/query.h"

namespace ps::db {

Query& Query::sql(std::string_view text) {
  text_ += text;
  return *this;
}

Query& Query::bind(std::string value) {
  strings_.push_back(std::move(value));
  order_.emplace_back(&strings_.back());
  text_ += ":p" + std::to_string(order_.size());
  return *this;
}

Query& Query::bind(long long value) {
  numbers_.push_back(value);
  order_.emplace_back(&numbers_.back());
  text_ += ":p" + std::to_string(order_.size());
  return *this;
}

Query& Query::bind_list(const std::vector<long long>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) text_ += ", ";
    bind(values[i]);
  }
  return *this;
}

soci::statement Query::prepare(soci::session& session,
                               const std::function<void(soci::statement&)>& define) const {
  soci::statement statement(session);
  if (define) define(statement);
  for (const auto& value : order_)
    std::visit([&](auto* pointer) { statement.exchange(soci::use(*pointer)); }, value);
  statement.alloc();
  statement.prepare(text_);
  statement.define_and_bind();
  return statement;
}

soci::statement Query::run(soci::session& session,
                           const std::function<void(soci::statement&)>& define) const {
  soci::statement statement = prepare(session, define);
  statement.execute(false);
  return statement;
}

long long Query::execute(soci::session& session) const {
  soci::statement statement = prepare(session, {});
  statement.execute(true);
  return statement.get_affected_rows();
}

std::string Query::cache_key(const char* row_type) const {
  std::string key = text_;
  key += '\n';
  for (const auto& value : order_) key += std::holds_alternative<std::string*>(value) ? 's' : 'n';
  key += '\n';
  key += row_type;
  return key;
}

void Query::prepare_entry(StatementCache::Entry& entry) const {
  entry.values.reserve(order_.size());
  for (const auto& value : order_)
    std::visit([&](auto* pointer) { entry.values.emplace_back(*pointer); }, value);
  for (auto& value : entry.values)
    std::visit([&](auto& held) { entry.statement.exchange(soci::use(held)); }, value);
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
