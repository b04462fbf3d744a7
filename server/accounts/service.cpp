#include "accounts/service.h"

#include "core/errors.h"
#include "core/random.h"
#include "core/text.h"

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <algorithm>

namespace ps::accounts {

namespace {
constexpr std::size_t kRefreshTokenBytes = 32;

ApiError bad_credentials() { return ApiError::unauthorized("The email or password is incorrect."); }
ApiError bad_refresh_token() {
  return ApiError::unauthorized("The refresh token is invalid, expired or already used.");
}
}  // namespace

ApiError email_taken() {
  return {ErrorCode::email_taken, "An account with this email already exists."};
}

ApiError account_gone() {
  return ApiError::unauthorized("The account of this access token no longer exists.");
}

std::string normalize_email(std::string_view email) {
  const auto first = email.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = email.find_last_not_of(" \t");
  std::string result(email.substr(first, last - first + 1));
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto at = result.find('@');
  const bool plausible = at != std::string::npos && at > 0 && at == result.rfind('@') &&
                         result.find('.', at) != std::string::npos && result.back() != '.' &&
                         result.find_first_of(" <>,;\"") == std::string::npos &&
                         text::is_plain(result);
  return plausible ? result : std::string{};
}

AccountsService::AccountsService(db::Database& database, const TokenIssuer& tokens,
                                 const PasswordHasher& passwords, std::chrono::hours refresh_ttl,
                                 MailLinks links)
    : database_(database),
      tokens_(tokens),
      passwords_(passwords),
      refresh_ttl_(refresh_ttl),
      links_(std::move(links)) {}

namespace {
User insert_new_user(db::Connection& sql, const NewAccount& account, const std::string& hash) {
  User user{
      0, account.email, account.display_name, account.role, now_millis(), account.email_verified};
  // A concurrent sign-up for the same email that wins the race makes this
  // insert violate users_email_key, which answers email_taken() as well.
  if (store::email_in_use(sql, user.email)) throw email_taken();
  user.id = store::insert_user(sql, user, hash);
  return user;
}
}  // namespace

User AccountsService::create_user(const NewAccount& account) {
  const std::string hash = passwords_.hash(account.password);
  return database_.transaction(
      [&](db::Connection& sql) { return insert_new_user(sql, account, hash); });
}

SignedIn AccountsService::register_user(const NewAccount& account) {
  const std::string hash = passwords_.hash(account.password);
  User user;
  TokenPair tokens = database_.transaction([&](db::Connection& sql) {
    user = insert_new_user(sql, account, hash);
    if (!user.email_verified) mail_verification_link(sql, user, user.email, /*welcome=*/true);
    return start_session(sql, user, random_hex(16));
  });
  spdlog::info("account created user_id={} role={}", user.id, to_string(user.role));
  return {std::move(user), std::move(tokens)};
}

SignedIn AccountsService::login(const std::string& email, const std::string& password) {
  auto found = database_.with_session(
      [&](db::Connection& sql) { return store::find_user_by_email(sql, email); });
  if (!found) {
    passwords_.verify_nothing(password);
    throw bad_credentials();
  }
  if (!passwords_.verify(found->password_hash, password)) throw bad_credentials();
  TokenPair tokens = database_.transaction(
      [&](db::Connection& sql) { return start_session(sql, found->user, random_hex(16)); });
  return {std::move(found->user), std::move(tokens)};
}

bool AccountsService::within_reuse_grace(db::Connection& sql, const RefreshTokenRecord& token,
                                         TokenSource source, Millis now) {
  const Millis used_at = token.revoked_at.value_or(now);  // or by a concurrent request
  return source == TokenSource::cookie &&
         now - used_at <= std::chrono::milliseconds(kCookieReuseGrace).count() &&
         store::family_is_live(sql, token.family_id, now);
}

SignedIn AccountsService::refresh(const std::string& refresh_token, TokenSource source) {
  const Millis now = now_millis();
  const std::string hash = sha256_hex(refresh_token);
  // A detected reuse must revoke the family even though the request fails, so
  // that outcome is returned from the transaction rather than thrown in it.
  std::optional<SignedIn> result =
      database_.transaction([&](db::Connection& sql) -> std::optional<SignedIn> {
        auto token = store::find_refresh_token(sql, hash);
        if (!token || token->expires_at <= now) throw bad_refresh_token();
        const bool first_use =
            !token->revoked_at && store::revoke_refresh_token(sql, token->id, now);
        if (!first_use && !within_reuse_grace(sql, *token, source, now)) {
          store::revoke_token_family(sql, token->family_id, now);
          spdlog::warn("refresh token reuse detected user_id={}; session family revoked",
                       token->user_id);
          return std::nullopt;
        }
        auto user = store::find_user_by_id(sql, token->user_id);
        // An older generation: a session that a password change or reset
        // ended, though this token was written too late for its revocation
        // to see (a sign-in with the old password, committed just after).
        if (!user || user->session_generation != token->session_generation)
          throw bad_refresh_token();
        TokenPair tokens = start_session(sql, *user, token->family_id);
        return SignedIn{std::move(*user), std::move(tokens)};
      });
  if (!result) throw bad_refresh_token();
  return std::move(*result);
}

void AccountsService::logout(const std::string& refresh_token) {
  const Millis now = now_millis();
  const std::string hash = sha256_hex(refresh_token);
  database_.transaction([&](db::Connection& sql) {
    if (auto token = store::find_refresh_token(sql, hash))
      store::revoke_token_family(sql, token->family_id, now);
  });
}

std::optional<User> AccountsService::find_user(std::int64_t id) {
  return database_.with_session(
      [&](db::Connection& sql) { return store::find_user_by_id(sql, id); });
}

void AccountsService::lock_user(db::Connection& sql, std::int64_t user_id) {
  store::lock_user(sql, user_id);
}

User AccountsService::rename(const User& user, const std::string& display_name) {
  database_.transaction([&](db::Connection& sql) {
    if (!store::set_display_name(sql, user.id, display_name)) throw account_gone();
  });
  User renamed = user;
  renamed.display_name = display_name;
  return renamed;
}

TokenPair AccountsService::start_session(db::Connection& sql, const User& user,
                                         const std::string& family_id) {
  const Millis now = now_millis();
  const std::string refresh = random_token(kRefreshTokenBytes);
  const Millis expires =
      now + std::chrono::duration_cast<std::chrono::milliseconds>(refresh_ttl_).count();
  store::insert_refresh_token(sql, user, family_id, sha256_hex(refresh), now, expires);
  return {tokens_.issue(user.id, to_string(user.role), user.session_generation, now / 1000),
          refresh, tokens_.ttl()};
}

}  // namespace ps::accounts
