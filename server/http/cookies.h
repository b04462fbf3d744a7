#pragma once

#include <optional>
#include <string_view>

namespace ps::http {

// The value of cookie `name` in one Cookie header ("a=1; b=2"), if present.
std::optional<std::string_view> find_cookie(std::string_view header, std::string_view name);

// `text` without its leading and trailing spaces.
std::string_view trim_spaces(std::string_view text);

}  // namespace ps::http
