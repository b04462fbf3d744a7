#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ps::mail {

// The notification topics a user may turn off; every other mail is
// transactional and always goes. docs/openapi.json lists them.
bool is_topic(std::string_view topic);
inline constexpr std::string_view kTopics[] = {"messages", "review_invitations", "order_updates",
                                               "favorites", "marketing"};

// A one-click unsubscribe token (RFC 8058): "<user id>.<topic>.<HMAC>",
// signed with the deployment's secret, so the link needs no login and no
// stored state. It does not expire: an old mail's link keeps working.
std::string unsubscribe_token(std::string_view secret, std::int64_t user_id,
                              std::string_view topic);

struct Unsubscription {
  std::int64_t user_id = 0;
  std::string topic;
};

// The user and topic a token names; nullopt when it is malformed or its
// signature does not match.
std::optional<Unsubscription> verify_unsubscribe_token(std::string_view secret,
                                                       std::string_view token);

}  // namespace ps::mail
