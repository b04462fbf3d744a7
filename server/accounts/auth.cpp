#include "accounts/auth.h"

#include "core/errors.h"

#include <boost/beast/core/string.hpp>

#include <ctime>

namespace ps::accounts {

namespace {
std::string_view bearer_token(const http::Request& request) {
  std::string_view header = request.header(http::bhttp::field::authorization);
  constexpr std::string_view scheme = "Bearer ";
  if (header.size() <= scheme.size() ||
      !boost::beast::iequals(header.substr(0, scheme.size()), scheme))
    throw ApiError::unauthorized("Sign in first: send Authorization: Bearer <access token>.");
  header.remove_prefix(scheme.size());
  while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
  return header;
}
}  // namespace

boost::asio::awaitable<User> Authenticator::require_user(const http::Request& request) const {
  const AccessClaims claims = tokens_.verify(bearer_token(request), std::time(nullptr));
  auto user = co_await workers_.run(
      request.request_id, [this, id = claims.user_id] { return accounts_.find_user(id); });
  if (!user) throw account_gone();
  if (user->session_generation != claims.session_generation)
    throw ApiError::unauthorized(
        "This access token was signed out when the account's password changed; sign in again.");
  co_return std::move(*user);
}

boost::asio::awaitable<User> Authenticator::require_role(const http::Request& request,
                                                         Role role) const {
  User user = co_await require_user(request);
  if (user.role != role)
    throw ApiError::forbidden(std::string("Only ") + to_string(role) + "s may do this.");
  co_return user;
}

boost::asio::awaitable<std::optional<User>> Authenticator::optional_user(
    const http::Request& request) const {
  if (request.header(http::bhttp::field::authorization).empty()) co_return std::nullopt;
  co_return co_await require_user(request);
}

}  // namespace ps::accounts
