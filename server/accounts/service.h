#pragma once

#include "accounts/passwords.h"
#include "accounts/store.h"
#include "accounts/tokens.h"
#include "core/errors.h"
#include "db/database.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ps::accounts {

// 409 /problems/email-taken: also what a concurrent sign-up's unique
// violation of users.email answers (app/application.cpp).
ApiError email_taken();

struct NewAccount {
  std::string email;
  std::string password;
  std::string display_name;
  Role role = Role::buyer;
  // Accounts an operator makes (the CLI, the seeds) need no mailed link.
  bool email_verified = false;
};

// How long the mailed links work. They name paths of the web app;
// mail::enqueue makes them whole with the public URL.
struct MailLinks {
  std::chrono::minutes password_reset_ttl{60};
  std::chrono::hours verification_ttl{48};
};

// 400 /problems/token-invalid: a mailed link that is unknown, expired or used.
ApiError token_invalid();
// 403 /problems/email-unverified: what a vendor is told before verifying.
ApiError email_unverified();
// 401: a valid access token of an account deleted since it was issued.
ApiError account_gone();

struct TokenPair {
  std::string access_token;
  std::string refresh_token;
  std::chrono::seconds access_expires_in{0};
};

struct SignedIn {
  User user;
  TokenPair tokens;
};

// Lower-cases and trims an email address; empty when it is not plausible, or
// not well-formed UTF-8, or holds a control or format character (NUL, ESC,
// DEL, a bidirectional override, a zero-width character...).
std::string normalize_email(std::string_view email);

// How a refresh token reached us. A browser's HttpOnly cookie cannot be read
// by a script, and a reload can cut off the answer that carried its successor,
// so a cookie rotated moments ago may come back once more (kCookieReuseGrace).
enum class TokenSource { body, cookie };
inline constexpr std::chrono::seconds kCookieReuseGrace{20};

// Sign-up, sign-in and the refresh-token lifecycle. Refresh tokens are random,
// stored as SHA-256 hashes, single-use: each refresh rotates the token within
// its family, and presenting a used token revokes the whole family (it was
// stolen or replayed), except a cookie used again within kCookieReuseGrace of
// its rotation while its family lives. Blocking: call from the WorkerPool.
class AccountsService {
 public:
  AccountsService(db::Database& database, const TokenIssuer& tokens,
                  const PasswordHasher& passwords, std::chrono::hours refresh_ttl,
                  MailLinks links = {});

  User create_user(const NewAccount& account);  // 409 when the email is taken
  // Also writes the welcome mail, with its verification link.
  SignedIn register_user(const NewAccount& account);
  SignedIn login(const std::string& email, const std::string& password);   // 401
  SignedIn refresh(const std::string& refresh_token, TokenSource source);  // 401
  void logout(const std::string& refresh_token);
  std::optional<User> find_user(std::int64_t id);
  // For other features, inside their transaction: makes one person's
  // writes that check a limit of theirs (how many favorites they keep) wait
  // for each other, so that two at once cannot both pass it.
  void lock_user(db::Connection& sql, std::int64_t user_id);
  // The name shown to shops, on reviews and in messages; 401 when the user
  // was deleted meanwhile.
  User rename(const User& user, const std::string& display_name);
  std::chrono::hours refresh_ttl() const { return refresh_ttl_; }

  // Recovery and settings (accounts/recovery.cpp). Each mail is written in
  // the transaction of its event.

  // Mails a reset link when an account uses the address; an unknown address
  // is answered the same, after much the same work.
  void request_password_reset(const std::string& email);
  // 400 token-invalid; signs the user out everywhere.
  void reset_password(const std::string& token, const std::string& new_password);
  // 400 token-invalid. Verifies the address the link was sent to: the
  // current one, or the new one of a change of address, which happens now.
  User verify_email(const std::string& token);
  void resend_verification(const User& user);  // 409 email-already-verified
  // 403 password-incorrect. Signs out every other session: the caller gets a
  // new one.
  SignedIn change_password(const User& user, const std::string& current_password,
                           const std::string& new_password);
  // 403 password-incorrect. Signs out every other session at once, their
  // access tokens too (after a lost phone, say); the caller gets a new one.
  // The password is asked for because the answer is a new 30-day session:
  // a stolen access token alone must not buy one.
  SignedIn logout_others(const User& user, const std::string& password);
  // 403 password-incorrect, 409 email-taken. Mails a link to the new address
  // (which becomes the account's when it verifies) and a notice to the old.
  void request_email_change(const User& user, const std::string& password,
                            const std::string& new_email);

  // What another feature does when an account is deleted, inside the
  // deletion's transaction: throw an ApiError to refuse (the account is
  // still needed), or forget the person in its own tables. Wired once, at
  // start (app/personal_data.cpp).
  using DeletionStep = std::function<void(db::Connection&, const User&)>;
  void on_delete(DeletionStep step) { deletion_steps_.push_back(std::move(step)); }
  // 403 password-incorrect, or whatever a step refuses with. Ends every
  // session and empties the user's row of personal data (it stays, for the
  // orders and reviews that point at it).
  void delete_account(const User& user, const std::string& password);

 private:
  void check_password(std::int64_t user_id, const std::string& password);  // 403
  void mail_verification_link(db::Connection& sql, const User& user, const std::string& address,
                              bool welcome);
  // Whether a token that was already used may be renewed all the same.
  static bool within_reuse_grace(db::Connection& sql, const RefreshTokenRecord& token,
                                 TokenSource source, Millis now);
  TokenPair start_session(db::Connection& sql, const User& user, const std::string& family_id);

  db::Database& database_;
  const TokenIssuer& tokens_;
  const PasswordHasher& passwords_;
  std::chrono::hours refresh_ttl_;
  MailLinks links_;
  std::vector<DeletionStep> deletion_steps_;
};

}  // namespace ps::accounts
