#include "accounts/tokens.h"
#include "core/errors.h"
#include "http/problems.h"

#include <gtest/gtest.h>
#include <jwt.h>
#include <sodium.h>

#include <cstdlib>
#include <memory>

namespace ps::accounts {
namespace {

const std::string kSecret = "an-hs256-secret-that-is-long-enough-for-tests";
constexpr std::time_t kNow = 1'800'000'000;

std::string base64url(const std::string& text) {
  std::string out(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()),
                    text.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::string payload(std::time_t exp) {
  return R"({"sub":"7","role":"vendor","iss":"pocketshop","aud":"pocketshop-api","iat":)" +
         std::to_string(kNow) + R"(,"exp":)" + std::to_string(exp) + "}";
}

int status_of(const TokenIssuer& issuer, const std::string& token) {
  try {
    issuer.verify(token, kNow);
    return 200;
  } catch (const ApiError& error) {
    return http::status_of(error);
  }
}

std::string sign_with(jwt_alg_t alg, const std::string& key, const std::string& claims) {
  jwt_t* jwt = nullptr;
  jwt_new(&jwt);
  jwt_add_grants_json(jwt, claims.c_str());
  jwt_set_alg(jwt, alg, reinterpret_cast<const unsigned char*>(key.data()),
              static_cast<int>(key.size()));
  char* encoded = jwt_encode_str(jwt);
  std::string token = encoded;
  free(encoded);
  jwt_free(jwt);
  return token;
}

TEST(Tokens, RoundTripCarriesUserAndRole) {
  TokenIssuer issuer(kSecret, std::chrono::minutes(15));
  const auto claims = issuer.verify(issuer.issue(42, "buyer", 0, kNow), kNow + 60);
  EXPECT_EQ(claims.user_id, 42);
  EXPECT_EQ(claims.role, "buyer");
  EXPECT_EQ(claims.expires_at, kNow + 900);
  EXPECT_EQ(claims.session_generation, 0);
}

// A token names the session generation it was issued in; one issued before
// generations existed (no "gen") belongs to every account's first.
TEST(Tokens, CarryTheSessionGenerationTheyWereIssuedIn) {
  TokenIssuer issuer(kSecret, std::chrono::minutes(15));
  EXPECT_EQ(issuer.verify(issuer.issue(42, "buyer", 3, kNow), kNow).session_generation, 3);
  const auto older = sign_with(JWT_ALG_HS256, kSecret, payload(kNow + 600));
  EXPECT_EQ(issuer.verify(older, kNow).session_generation, 0);
}

TEST(Tokens, ExpiredTokenIsRefused) {
  TokenIssuer issuer(kSecret, std::chrono::minutes(15));
  const auto token = issuer.issue(42, "buyer", 0, kNow - 3600);
  EXPECT_EQ(status_of(issuer, token), 401);
}

TEST(Tokens, TamperedPayloadIsRefused) {
  TokenIssuer issuer(kSecret, std::chrono::minutes(15));
  const auto token = issuer.issue(42, "buyer", 0, kNow);
  const auto first_dot = token.find('.');
  const auto second_dot = token.find('.', first_dot + 1);
  const std::string forged =
      token.substr(0, first_dot + 1) + base64url(payload(kNow + 900)) + token.substr(second_dot);
  EXPECT_EQ(status_of(issuer, forged), 401);
}

TEST(Tokens, WrongSecretIsRefused) {
  TokenIssuer issuer(kSecret, std::chrono::minutes(15));
  TokenIssuer other("another-secret-that-is-also-long-enough!!", std::chrono::minutes(15));
  EXPECT_EQ(status_of(issuer, other.issue(42, "buyer", 0, kNow)), 401);
}

TEST(Tokens, AlgNoneIsRefused) {
  TokenIssuer issuer(kSecret, std::chrono::minutes(15));
  const std::string unsigned_token =
      base64url(R"({"alg":"none","typ":"JWT"})") + "." + base64url(payload(kNow + 900)) + ".";
  EXPECT_EQ(status_of(issuer, unsigned_token), 401);
}

TEST(Tokens, OtherAlgorithmWithTheSameSecretIsRefused) {
  TokenIssuer issuer(kSecret, std::chrono::minutes(15));
  EXPECT_EQ(status_of(issuer, sign_with(JWT_ALG_HS512, kSecret, payload(kNow + 900))), 401);
  EXPECT_EQ(status_of(issuer, sign_with(JWT_ALG_HS256, kSecret, payload(kNow + 900))), 200);
}

TEST(Tokens, WrongIssuerOrAudienceIsRefused) {
  TokenIssuer issuer(kSecret, std::chrono::minutes(15));
  std::string claims = payload(kNow + 900);
  std::string wrong_aud = claims;
  wrong_aud.replace(wrong_aud.find("pocketshop-api"), 14, "someone-elses");
  std::string wrong_iss = claims;
  wrong_iss.replace(wrong_iss.find("\"pocketshop\""), 12, "\"evil\"");
  EXPECT_EQ(status_of(issuer, sign_with(JWT_ALG_HS256, kSecret, wrong_aud)), 401);
  EXPECT_EQ(status_of(issuer, sign_with(JWT_ALG_HS256, kSecret, wrong_iss)), 401);
}

TEST(Tokens, GarbageIsRefused) {
  TokenIssuer issuer(kSecret, std::chrono::minutes(15));
  EXPECT_EQ(status_of(issuer, ""), 401);
  EXPECT_EQ(status_of(issuer, "not.a.token"), 401);
  EXPECT_EQ(status_of(issuer, std::string(5000, 'a')), 401);
}

TEST(Tokens, ShortSecretIsAProgrammingError) {
  EXPECT_THROW(TokenIssuer("short", std::chrono::minutes(1)), std::invalid_argument);
}

}  // namespace
}  // namespace ps::accounts
