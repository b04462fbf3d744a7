#pragma once

// Accounts as plain data: who a user is and what they may do.

#include "core/clock.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ps::accounts {

enum class Role { buyer, vendor };
const char* to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

struct User {
  std::int64_t id = 0;
  std::string email;
  std::string display_name;
  Role role = Role::buyer;
  Millis created_at = 0;
};

}  // namespace ps::accounts
