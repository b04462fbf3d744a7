#include "accounts/model.h"

namespace ps::accounts {

const char* to_string(Role role) { return role == Role::vendor ? "vendor" : "buyer"; }

std::optional<Role> parse_role(std::string_view text) {
  if (text == "buyer") return Role::buyer;
  if (text == "vendor") return Role::vendor;
  return std::nullopt;
}

const char* to_string(TokenPurpose purpose) {
  return purpose == TokenPurpose::password_reset ? "password_reset" : "email_verification";
}

}  // namespace ps::accounts
