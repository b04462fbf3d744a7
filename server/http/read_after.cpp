#include "http/read_after.h"

#include "http/cookies.h"

#include <fmt/format.h>

namespace ps::http {

db::CatalogRead catalog_read(const Request& request) {
  if (const auto header = request.header(kReadAfterHeader); !header.empty())
    if (auto position = db::parse_wal_position(trim_spaces(header))) return {position};
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
