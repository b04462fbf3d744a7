#include "http/read_after.h"

#include <fmt/format.h>

namespace ps::http {

namespace {
std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// The value of cookie `name` in one Cookie header ("a=1; b=2"), if present.
std::optional<std::string_view> find_cookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = header.find(';');
    const std::string_view pair = trim(header.substr(0, end));
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && trim(pair.substr(0, equals)) == name)
      return trim(pair.substr(equals + 1));
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return std::nullopt;
}
}  // namespace

db::CatalogRead catalog_read(const Request& request) {
  if (const auto header = request.header(kReadAfterHeader); !header.empty())
    if (auto position = db::parse_wal_position(trim(header))) return {position};
  const auto [first, last] = request.raw.equal_range(bhttp::field::cookie);
  for (auto field = first; field != last; ++field)
    if (const auto value = find_cookie(std::string_view(field->value()), kReadAfterCookie))
      if (auto position = db::parse_wal_position(*value)) return {position};
  return {};
}

void remember_write(Response& response, db::WalPosition position, std::chrono::seconds max_age) {
  const auto text = db::wal_position_text(position);
  response.set(kReadAfterHeader, text);
  // Not a secret, but no script needs it; sent with every API request of
  // this site, top-level navigations from elsewhere included (Lax).
  response.insert(bhttp::field::set_cookie,
                  fmt::format("{}={}; Path=/api; Max-Age={}; HttpOnly; SameSite=Lax",
                              kReadAfterCookie, text, max_age.count()));
}

}  // namespace ps::http
