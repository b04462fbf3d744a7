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
  // Whether the address was shown to reach its owner (a link we mailed to it
  // came back). A vendor's shop stays closed until it was.
  bool email_verified = false;
  // Moved on by a password change or reset: access tokens issued in an
  // earlier generation are refused (migration 029).
  std::int64_t session_generation = 0;
};

// What a single-use token that a mail carries is for.
enum class TokenPurpose { password_reset, email_verification };
const char* to_string(TokenPurpose purpose);

}  // namespace ps::accounts
