#include "db/failure.h"

#include <cctype>

namespace ps::db {

namespace {
constexpr std::string_view kPostgresUnique = "unique constraint \"";
constexpr std::string_view kSqliteUnique = "UNIQUE constraint failed: ";

bool identifier_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

// "reviews.product_id, reviews.buyer_id" (and whatever text follows) ->
// "reviews_product_id_buyer_id_key"
std::string from_sqlite_columns(std::string_view text) {
  std::string name;
  for (;;) {
    std::size_t end = 0;
    while (end < text.size() && identifier_char(text[end])) ++end;
    const std::string_view column = text.substr(0, end);
    const auto dot = column.find('.');
    if (dot == std::string_view::npos) break;
    if (name.empty()) name = std::string(column.substr(0, dot));
    name += '_';
    name += column.substr(dot + 1);
    if (text.substr(end, 2) != ", ") break;
    text.remove_prefix(end + 2);
  }
  return name.empty() ? name : name + "_key";
}
}  // namespace

std::string violated_constraint(std::string_view message) {
  if (const auto at = message.find(kPostgresUnique); at != std::string_view::npos) {
    const auto start = at + kPostgresUnique.size();
    const auto end = message.find('"', start);
    if (end != std::string_view::npos) return std::string(message.substr(start, end - start));
  }
  if (const auto at = message.find(kSqliteUnique); at != std::string_view::npos)
    return from_sqlite_columns(message.substr(at + kSqliteUnique.size()));
  return {};
}

}  // namespace ps::db
