#include "http/cookies.h"

namespace ps::http {

std::string_view trim_spaces(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

std::optional<std::string_view> find_cookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto end = header.find(';');
    const std::string_view pair = trim_spaces(header.substr(0, end));
    const auto equals = pair.find('=');
    if (equals != std::string_view::npos && trim_spaces(pair.substr(0, equals)) == name)
      return trim_spaces(pair.substr(equals + 1));
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return std::nullopt;
}

}  // namespace ps::http
