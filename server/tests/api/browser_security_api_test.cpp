// What protects a browser session: the security headers on every response
// (web app, API, media, refusals) and the refresh token's HttpOnly cookie
// with its CSRF check.
#include "http/security_headers.h"
#include "media/demo_images.h"
#include "support/api_test.h"
#include "support/card_tokens.h"

#include <gmock/gmock.h>
#include <soci/soci.h>

#include <fstream>

namespace ps::testing {
namespace {

using boost::beast::http::verb;
using ::testing::HasSubstr;
using ::testing::Not;

void expect_security_headers(const HttpResult& result, const std::string& what) {
  // Scripts talk to this origin, and to the gateway's for the card only.
  EXPECT_EQ(result.header("content-security-policy"),
            http::content_security_policy(test_gateway_url()))
      << what;
  EXPECT_THAT(result.header("content-security-policy"),
              HasSubstr("connect-src 'self' " + test_gateway_url() + ";"));
  EXPECT_EQ(result.header("x-content-type-options"), "nosniff") << what;
  EXPECT_EQ(result.header("x-frame-options"), "DENY") << what;
  EXPECT_EQ(result.header("referrer-policy"), "strict-origin-when-cross-origin") << what;
  EXPECT_EQ(result.header("cross-origin-opener-policy"), "same-origin") << what;
}

class SecurityHeaders : public ApiTest {
 protected:
  void configure(Config& config) override {
    std::ofstream(web_.path() / "index.html") << "<!doctype html><title>PocketShop</title>";
    config.web_dir = web_.path().string();
  }
  TempDir web_;
};
POCKETSHOP_API_TEST(SecurityHeaders);

TEST_P(SecurityHeaders, OnTheWebAppTheApiAndMedia) {
  expect_security_headers(client().get("/"), "the web app");
  expect_security_headers(client().get("/shops/some-shop"), "a client-side route");
  expect_security_headers(client().get("/healthz"), "the health check");
  expect_security_headers(client().get("/api/shops"), "an API read");
  const auto vendor = sign_up("vendor@example.com", "vendor");
  expect_security_headers(client().get("/api/me", vendor.access_token), "an authorized read");

  const auto image = server().app().media().store(vendor.id, media::render_demo_image(400, 300, 1));
  const auto variant = client().get("/media/" + image.sha256 + "/" + image.small_file);
  ASSERT_EQ(variant.status, 200);
  expect_security_headers(variant, "a media file");
}

TEST_P(SecurityHeaders, OnProblemsAndRefusals) {
  expect_security_headers(client().get("/api/no-such-thing"), "a 404 problem");
  expect_security_headers(client().post_json("/api/auth/login", {{"email", 5}}), "a 422 problem");
  // Refused before routing: the headers are too large.
  RawConnection connection(server().port());
  connection.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'b') + "\r\n\r\n");
  const auto refused = connection.read_response(2000);
  ASSERT_EQ(refused.rfind("HTTP/1.1 431", 0), 0u) << refused.substr(0, 200);
  EXPECT_THAT(refused, HasSubstr("Content-Security-Policy: " +
                                 http::content_security_policy(test_gateway_url()) + "\r\n"));
  EXPECT_THAT(refused, HasSubstr("X-Frame-Options: DENY\r\n"));
}

// The value the response's Set-Cookie gives the refresh cookie; nullopt when
// it sets no such cookie.
std::optional<std::string> refresh_cookie_value(const HttpResult& result) {
  const std::string cookie = result.header("set-cookie");
  const std::string prefix = "pocketshop_refresh=";
  if (cookie.rfind(prefix, 0) != 0) return std::nullopt;
  return cookie.substr(prefix.size(), cookie.find(';') - prefix.size());
}

class RefreshCookie : public ApiTest {
 protected:
  static inline const Headers kBrowser{{"X-Requested-With", "pocketshop-web"}};

  HttpResult post(const std::string& target, const Headers& headers,
                  const std::optional<boost::json::object>& body = std::nullopt) {
    Headers all = headers;
    if (body) all.emplace_back("Content-Type", "application/json");
    return client().request(verb::post, target, body ? boost::json::serialize(*body) : "", all);
  }

  // Signs in as the web app does and returns the refresh cookie's value.
  std::string browser_login(const std::string& email) {
    sign_up(email);
    const auto result = post("/api/auth/login", kBrowser,
                             boost::json::object{{"email", email}, {"password", "password123"}});
    EXPECT_EQ(result.status, 200) << result.body;
    return refresh_cookie_value(result).value_or("");
  }

  static Headers with_cookie(const std::string& token, Headers headers = kBrowser) {
    headers.emplace_back("Cookie", "theme=dark; pocketshop_refresh=" + token + "; other=1");
    return headers;
  }
};
POCKETSHOP_API_TEST(RefreshCookie);

TEST_P(RefreshCookie, SessionAnswersSetItHttpOnlySecureStrictOnTheAuthPath) {
  const auto registered = post("/api/auth/register", {},
                               boost::json::object{{"email", "ada@example.com"},
                                                   {"password", "password123"},
                                                   {"display_name", "Ada"},
                                                   {"role", "buyer"}});
  ASSERT_EQ(registered.status, 201) << registered.body;
  const std::string token(registered.json().at("refresh_token").as_string());
  EXPECT_EQ(registered.header("set-cookie"),
            "pocketshop_refresh=" + token +
                "; Path=/api/auth; Max-Age=2592000; HttpOnly; Secure; SameSite=Strict");

  // An API client still gets the token in the body, and may refresh with it.
  const auto refreshed =
      post("/api/auth/refresh", {}, boost::json::object{{"refresh_token", token}});
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;
  EXPECT_EQ(refresh_cookie_value(refreshed),
            std::string(refreshed.json().at("refresh_token").as_string()));
}

TEST_P(RefreshCookie, BrowserClientsNeverSeeTheTokenInABody) {
  const auto registered = post("/api/auth/register", kBrowser,
                               boost::json::object{{"email", "bo@example.com"},
                                                   {"password", "password123"},
                                                   {"display_name", "Bo"},
                                                   {"role", "buyer"}});
  ASSERT_EQ(registered.status, 201) << registered.body;
  EXPECT_FALSE(registered.json().as_object().contains("refresh_token")) << registered.body;
  EXPECT_TRUE(refresh_cookie_value(registered).has_value());
  EXPECT_FALSE(registered.json().at("access_token").as_string().empty());

  const std::string cookie = browser_login("cy@example.com");
  const auto refreshed = post("/api/auth/refresh", with_cookie(cookie));
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;
  EXPECT_FALSE(refreshed.json().as_object().contains("refresh_token")) << refreshed.body;
}

TEST_P(RefreshCookie, RefreshThroughTheCookieRotatesIt) {
  const std::string first = browser_login("ada@example.com");
  ASSERT_FALSE(first.empty());
  const auto refreshed = post("/api/auth/refresh", with_cookie(first));
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;
  const auto second = refresh_cookie_value(refreshed);
  ASSERT_TRUE(second.has_value());
  EXPECT_NE(*second, first);
  const std::string access(refreshed.json().at("access_token").as_string());
  EXPECT_EQ(client().get("/api/me", access).status, 200);
}

// A reload can cut off the answer that carried the new cookie: the browser
// then sends the one just used, and the session goes on.
TEST_P(RefreshCookie, ACookieUsedAgainMomentsLaterKeepsTheSession) {
  const std::string first = browser_login("ada@example.com");
  const auto lost = post("/api/auth/refresh", with_cookie(first));
  ASSERT_EQ(lost.status, 200) << lost.body;
  const auto again = post("/api/auth/refresh", with_cookie(first));
  ASSERT_EQ(again.status, 200) << again.body;
  const auto renewed = refresh_cookie_value(again);
  ASSERT_TRUE(renewed.has_value());
  EXPECT_EQ(post("/api/auth/refresh", with_cookie(*renewed)).status, 200);
}

TEST_P(RefreshCookie, ACookieUsedLongAgoRevokesTheSession) {
  const std::string first = browser_login("ada@example.com");
  const auto refreshed = post("/api/auth/refresh", with_cookie(first));
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;
  const auto second = refresh_cookie_value(refreshed);
  ASSERT_TRUE(second.has_value());
  // As if the first cookie had been used a minute ago.
  server().app().database().with_session([](db::Connection& sql) {
    sql.session()
        << "UPDATE refresh_tokens SET revoked_at = revoked_at - 60000 WHERE revoked_at IS NOT NULL";
  });

  // The used cookie is refused, and deleted so the browser stops sending it;
  // the session it belonged to ends with it.
  const auto replayed = post("/api/auth/refresh", with_cookie(first));
  expect_problem(replayed, 401, "unauthorized");
  EXPECT_THAT(replayed.header("set-cookie"),
              HasSubstr("pocketshop_refresh=; Path=/api/auth; Max-Age=0"));
  expect_problem(post("/api/auth/refresh", with_cookie(*second)), 401, "unauthorized");
}

TEST_P(RefreshCookie, WithoutTheBrowserHeaderTheCookieIsRefused) {
  const std::string cookie = browser_login("ada@example.com");
  const auto refused = post("/api/auth/refresh", with_cookie(cookie, {}));
  expect_problem(refused, 403, "csrf-rejected");
  EXPECT_EQ(refused.json().at("type").as_string(), "/problems/csrf-rejected");
  expect_problem(post("/api/auth/logout", with_cookie(cookie, {})), 403, "csrf-rejected");
  // Refused before it was used: the cookie still works for the app itself.
  EXPECT_EQ(post("/api/auth/refresh", with_cookie(cookie)).status, 200);
}

TEST_P(RefreshCookie, RequestsFromAnotherSiteAreRefused) {
  const std::string cookie = browser_login("ada@example.com");
  for (const char* site : {"cross-site", "same-site"}) {
    Headers headers = kBrowser;
    headers.emplace_back("Sec-Fetch-Site", site);
    const auto refused = post("/api/auth/refresh", with_cookie(cookie, headers));
    expect_problem(refused, 403, "csrf-rejected");
    EXPECT_EQ(refused.json().at("type").as_string(), "/problems/csrf-rejected") << site;
  }
  Headers same_origin = kBrowser;
  same_origin.emplace_back("Sec-Fetch-Site", "same-origin");
  EXPECT_EQ(post("/api/auth/refresh", with_cookie(cookie, same_origin)).status, 200);
}

TEST_P(RefreshCookie, WithoutACookieThereIsNoSessionToRenew) {
  const auto result = post("/api/auth/refresh", kBrowser);
  expect_problem(result, 401, "unauthorized");
  EXPECT_THAT(result.header("set-cookie"), HasSubstr("Max-Age=0"));
}

TEST_P(RefreshCookie, LogoutRevokesTheSessionAndDeletesTheCookie) {
  const std::string cookie = browser_login("ada@example.com");
  const auto out = post("/api/auth/logout", with_cookie(cookie));
  EXPECT_EQ(out.status, 204);
  EXPECT_EQ(out.header("set-cookie"),
            "pocketshop_refresh=; Path=/api/auth; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
  expect_problem(post("/api/auth/refresh", with_cookie(cookie)), 401, "unauthorized");
  // Signing out without a session (the cookie already gone) is fine too.
  EXPECT_EQ(post("/api/auth/logout", kBrowser).status, 204);
}

TEST_P(RefreshCookie, ABodyTokenNeedsNoBrowserHeaderAndIgnoresTheCookie) {
  const auto account = sign_up("ada@example.com");
  const std::string cookie = browser_login("bo@example.com");
  const auto refreshed = post("/api/auth/refresh", with_cookie(cookie, {}),
                              boost::json::object{{"refresh_token", account.refresh_token}});
  ASSERT_EQ(refreshed.status, 200) << refreshed.body;
  EXPECT_EQ(refreshed.json().at("user").at("email").as_string(), "ada@example.com");
  EXPECT_THAT(refreshed.body, Not(HasSubstr(cookie)));
}

}  // namespace
}  // namespace ps::testing
