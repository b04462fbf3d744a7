// AccountsService: password reset, email verification and the settings that
// need the password (accounts/service.h). Mailed tokens are random, kept only
// as SHA-256 hashes, single-use (store::consume_account_token) and short-lived.

#include "accounts/service.h"

#include "core/errors.h"
#include "core/random.h"
#include "mail/outbox.h"

#include <spdlog/spdlog.h>

namespace ps::accounts {

namespace {
constexpr std::size_t kMailTokenBytes = 32;

Millis millis(std::chrono::milliseconds duration) { return duration.count(); }

ApiError password_incorrect() {
  return {ErrorCode::password_incorrect, "The current password is incorrect."};
}

struct MailedToken {
  std::string token;  // goes into the link, never into the database
  std::string hash;
};

MailedToken new_mailed_token() {
  MailedToken mailed{random_token(kMailTokenBytes), {}};
  mailed.hash = sha256_hex(mailed.token);
  return mailed;
}

// A notice to the account's own address of something done to the account.
void mail_account_notice(db::Connection& sql, const User& user, std::string kind,
                         std::string subject, std::string heading,
                         std::vector<std::string> paragraphs) {
  mail::NewMail notice;
  notice.kind = std::move(kind);
  notice.to_address = user.email;
  notice.to_user_id = user.id;
  notice.subject = std::move(subject);
  notice.heading = std::move(heading);
  notice.paragraphs = std::move(paragraphs);
  mail::enqueue(sql, notice);
}
}  // namespace

ApiError token_invalid() {
  return {ErrorCode::token_invalid, "This link is invalid, has expired or was already used."};
}

ApiError email_unverified() {
  return {ErrorCode::email_unverified,
          "Confirm your email address first: follow the link in the mail we sent you."};
}

void AccountsService::check_password(std::int64_t user_id, const std::string& password) {
  const auto hash = database_.with_session(
      [&](db::Connection& sql) { return store::find_password_hash(sql, user_id); });
  if (!hash) throw account_gone();  // deleted meanwhile
  if (!passwords_.verify(*hash, password)) throw password_incorrect();
}

void AccountsService::mail_verification_link(db::Connection& sql, const User& user,
                                             const std::string& address, bool welcome) {
  const Millis now = now_millis();
  const MailedToken mailed = new_mailed_token();
  store::insert_account_token(sql, user.id, TokenPurpose::email_verification, mailed.hash, address,
                              now, now + millis(links_.verification_ttl));
  mail::NewMail mail;
  mail.kind = welcome ? "welcome" : "email_verification";
  mail.to_address = address;
  mail.to_user_id = user.id;
  mail.action = mail::Action{"Confirm my email address", "/verify-email?token=" + mailed.token};
  if (welcome) {
    mail.subject = "Welcome to PocketShop: please confirm your email address";
    mail.heading = "Welcome, " + user.display_name;
    mail.paragraphs.push_back("Thank you for joining PocketShop.");
    if (user.role == Role::vendor)
      mail.paragraphs.push_back(
          "Confirm your email address to open your shop: until then buyers cannot see it.");
  } else {
    mail.subject = "Confirm your email address";
    mail.heading = "Confirm your email address";
    if (address != user.email)
      mail.paragraphs.push_back("Your PocketShop account will use " + address +
                                " once you confirm it.");
  }
  const auto hours = std::chrono::duration_cast<std::chrono::hours>(links_.verification_ttl);
  mail.paragraphs.push_back("The link works once, within " + std::to_string(hours.count()) +
                            " hours.");
  mail::enqueue(sql, mail);
}

void AccountsService::request_password_reset(const std::string& email) {
  const Millis now = now_millis();
  // Made for unknown addresses too, so both answers take much the same time.
  const MailedToken mailed = new_mailed_token();
  database_.transaction([&](db::Connection& sql) {
    const auto found = store::find_user_by_email(sql, email);
    if (!found) return;
    const User& user = found->user;
    store::insert_account_token(sql, user.id, TokenPurpose::password_reset, mailed.hash, user.email,
                                now, now + millis(links_.password_reset_ttl));
    mail::NewMail mail;
    mail.kind = "password_reset";
    mail.to_address = user.email;
    mail.to_user_id = user.id;
    mail.subject = "Reset your PocketShop password";
    mail.heading = "Reset your password";
    mail.paragraphs = {"Someone, probably you, asked to reset the password of your account.",
                       "The link works once, within an hour. If you did not ask, ignore this "
                       "mail: your password stays as it is."};
    mail.action = mail::Action{"Choose a new password", "/reset-password?token=" + mailed.token};
    mail::enqueue(sql, mail);
  });
}

void AccountsService::reset_password(const std::string& token, const std::string& new_password) {
  const std::string hash = passwords_.hash(new_password);
  const std::int64_t user_id = database_.transaction([&](db::Connection& sql) {
    const Millis now = now_millis();
    const auto consumed =
        store::consume_account_token(sql, TokenPurpose::password_reset, sha256_hex(token), now);
    if (!consumed) throw token_invalid();
    const auto user = store::find_user_by_id(sql, consumed->user_id);
    // The address changed since: the link went to one that is no longer theirs.
    if (!user || user->email != consumed->email) throw token_invalid();
    store::set_password_hash(sql, user->id, hash);
    store::revoke_user_sessions(sql, user->id, now);
    store::expire_account_tokens(sql, user->id, TokenPurpose::password_reset, now);
    // Following the link showed that the address reaches its owner.
    store::mark_email_verified(sql, user->id, user->email, now);
    return user->id;
  });
  spdlog::info("password reset user_id={}; every session revoked", user_id);
}

User AccountsService::verify_email(const std::string& token) {
  return database_.transaction([&](db::Connection& sql) {
    const Millis now = now_millis();
    const auto consumed =
        store::consume_account_token(sql, TokenPurpose::email_verification, sha256_hex(token), now);
    if (!consumed) throw token_invalid();
    auto user = store::find_user_by_id(sql, consumed->user_id);
    if (!user) throw token_invalid();
    if (user->email == consumed->email) {
      store::mark_email_verified(sql, user->id, user->email, now);
    } else {
      // A change of address; another account may have taken the address
      // since (409 email-taken, from users_email_key at worst).
      if (store::email_in_use(sql, consumed->email)) throw email_taken();
      store::change_email(sql, user->id, consumed->email, now);
      store::expire_account_tokens(sql, user->id, TokenPurpose::email_verification, now);
      // A reset link mailed to the old address must not work any more.
      store::expire_account_tokens(sql, user->id, TokenPurpose::password_reset, now);
      user->email = consumed->email;
    }
    user->email_verified = true;
    return *user;
  });
}

void AccountsService::resend_verification(const User& user) {
  if (user.email_verified)
    throw ApiError(ErrorCode::email_already_verified, "Your email address is already confirmed.");
  database_.transaction(
      [&](db::Connection& sql) { mail_verification_link(sql, user, user.email, false); });
}

SignedIn AccountsService::change_password(const User& user, const std::string& current_password,
                                          const std::string& new_password) {
  const auto old_hash = database_.with_session(
      [&](db::Connection& sql) { return store::find_password_hash(sql, user.id); });
  if (!old_hash || !passwords_.verify(*old_hash, current_password)) throw password_incorrect();
  const std::string hash = passwords_.hash(new_password);
  TokenPair tokens = database_.transaction([&](db::Connection& sql) {
    // Of two concurrent changes, only the one that still finds the hash it
    // checked the password against wins; the other's password is no longer
    // current.
    if (!store::set_password_hash(sql, user.id, hash, *old_hash)) throw password_incorrect();
    const Millis now = now_millis();
    User current = user;
    current.session_generation = store::revoke_user_sessions(sql, user.id, now);
    store::expire_account_tokens(sql, user.id, TokenPurpose::password_reset, now);
    mail_account_notice(
        sql, user, "password_changed", "Your PocketShop password was changed",
        "Your password was changed",
        {"The password of your account was just changed, and every other device was signed out.",
         "If you did not change it, reset your password now from the sign-in page."});
    return start_session(sql, current, random_hex(16));
  });
  spdlog::info("password changed user_id={}; other sessions revoked", user.id);
  return {user, std::move(tokens)};
}

SignedIn AccountsService::logout_others(const User& user, const std::string& password) {
  check_password(user.id, password);
  TokenPair tokens = database_.transaction([&](db::Connection& sql) {
    User current = user;
    current.session_generation = store::revoke_user_sessions(sql, user.id, now_millis());
    // Told by mail too: if someone else did it with the password, the owner
    // learns of it, and of what to do.
    mail_account_notice(
        sql, user, "sessions_ended", "Your other PocketShop devices were signed out",
        "Your other devices were signed out",
        {"Every device signed in to your account was just signed out, except the one that asked.",
         "If that was not you, reset your password now from the sign-in page."});
    return start_session(sql, current, random_hex(16));
  });
  spdlog::info("other sessions revoked user_id={}", user.id);
  return {user, std::move(tokens)};
}

void AccountsService::request_email_change(const User& user, const std::string& password,
                                           const std::string& new_email) {
  if (new_email == user.email)
    throw ApiError::validation({{"email", {"is already the address of your account"}}});
  check_password(user.id, password);
  database_.transaction([&](db::Connection& sql) {
    if (store::email_in_use(sql, new_email)) throw email_taken();
    mail_verification_link(sql, user, new_email, false);
    mail_account_notice(sql, user, "email_change_notice",
                        "A change of your PocketShop email address",
                        "Your email address is about to change",
                        {"Someone signed in to your account asked to use " + new_email +
                             " instead of this address. The change happens when that address is "
                             "confirmed.",
                         "If this was not you, reset your password now from the sign-in page."});
  });
}

void AccountsService::delete_account(const User& user, const std::string& password) {
  check_password(user.id, password);
  database_.transaction([&](db::Connection& sql) {
    const Millis now = now_millis();
    // The steps lock the account's products and orders before the user's
    // row: a checkout or an order change locks those first too, then the
    // user's row (its notification's foreign key). The other order
    // deadlocked with them on PostgreSQL.
    for (const auto& step : deletion_steps_) step(sql, user);
    // Of two concurrent deletions, the second stops here (its steps found
    // nothing left to do once the first committed).
    if (!store::anonymise_user(sql, user.id, now)) throw account_gone();
    store::revoke_user_sessions(sql, user.id, now);
    store::expire_account_tokens(sql, user.id, TokenPurpose::password_reset, now);
    store::expire_account_tokens(sql, user.id, TokenPurpose::email_verification, now);
    mail::NewMail goodbye;
    goodbye.kind = "account_deleted";
    goodbye.to_address = user.email;
    goodbye.subject = "Your PocketShop account was deleted";
    goodbye.heading = "Your account was deleted";
    goodbye.paragraphs = {"Your account and its personal data were deleted, as you asked.",
                          "Shops keep the orders you placed, without your name or address."};
    mail::enqueue(sql, goodbye);
  });
  spdlog::info("account deleted user_id={}", user.id);
}

}  // namespace ps::accounts
