#include "db/database.h"
#include "http/read_after.h"

#include <gtest/gtest.h>

namespace ps {
namespace {

TEST(WalPosition, ReadsAndWritesPostgresLsnText) {
  EXPECT_EQ(db::parse_wal_position("0/0"), 0u);
  EXPECT_EQ(db::parse_wal_position("0/3001120"), 0x3001120u);
  EXPECT_EQ(db::parse_wal_position("16/B374D848"), (0x16ull << 32) | 0xB374D848u);
  EXPECT_EQ(db::parse_wal_position("16/b374d848"), (0x16ull << 32) | 0xB374D848u);
  EXPECT_EQ(db::parse_wal_position("FFFFFFFF/FFFFFFFF"), ~0ull);
  EXPECT_EQ(db::wal_position_text((0x16ull << 32) | 0xB374D848u), "16/B374D848");
  EXPECT_EQ(db::wal_position_text(0x3001120u), "0/3001120");
  // Ordered as PostgreSQL orders pg_lsn.
  EXPECT_LT(*db::parse_wal_position("0/FFFFFFFF"), *db::parse_wal_position("1/0"));
}

TEST(WalPosition, RefusesAnythingElse) {
  for (const char* text : {"", "/", "0/", "/0", "0", "0/0/0", "G/0", "0/-1", "123456789/0",
                           "0/123456789", " 0/1", "0/1 ", "0x1/0"})
    EXPECT_FALSE(db::parse_wal_position(text)) << text;
}

using std::chrono::milliseconds;

TEST(PrimaryProgress, AReplicaIsBehindSinceThePrimaryFirstHadWalItLacks) {
  const auto t0 = db::PrimaryProgress::Clock::now();
  db::PrimaryProgress progress(std::chrono::seconds(60));
  EXPECT_EQ(progress.lag_behind(0, t0), milliseconds(0)) << "nothing sampled yet";
  progress.record(t0, 100);
  progress.record(t0 + milliseconds(1000), 200);
  progress.record(t0 + milliseconds(2000), 300);
  const auto now = t0 + milliseconds(3000);
  EXPECT_EQ(progress.lag_behind(300, now), milliseconds(0)) << "caught up";
  EXPECT_EQ(progress.lag_behind(400, now), milliseconds(0));
  EXPECT_EQ(progress.lag_behind(250, now), milliseconds(1000));
  EXPECT_EQ(progress.lag_behind(150, now), milliseconds(2000));
  EXPECT_EQ(progress.lag_behind(100, now), milliseconds(2000));
  EXPECT_EQ(progress.lag_behind(99, now), milliseconds(3000));
}

TEST(PrimaryProgress, LagsPastTheHorizonReadAsAtLeastTheHorizon) {
  const auto t0 = db::PrimaryProgress::Clock::now();
  db::PrimaryProgress progress(milliseconds(1000));
  for (int i = 0; i <= 100; ++i) progress.record(t0 + milliseconds(100 * i), 1000 + i);
  const auto now = t0 + milliseconds(10'000);
  EXPECT_GE(progress.lag_behind(1000, now), milliseconds(1000)) << "ten seconds behind";
  EXPECT_GE(progress.lag_behind(1089, now), milliseconds(1000));
  EXPECT_EQ(progress.lag_behind(1090, now), milliseconds(900)) << "within the horizon: exact";
  EXPECT_EQ(progress.lag_behind(1100, now), milliseconds(0));
}

TEST(PrimaryProgress, APositionThatGoesBackStartsAFreshHistory) {
  const auto t0 = db::PrimaryProgress::Clock::now();
  db::PrimaryProgress progress(std::chrono::seconds(60));
  progress.record(t0, 5000);
  progress.record(t0 + milliseconds(1000), 100);  // another primary
  EXPECT_EQ(progress.lag_behind(100, t0 + milliseconds(2000)), milliseconds(0));
  EXPECT_EQ(progress.lag_behind(50, t0 + milliseconds(2000)), milliseconds(1000));
}

http::Request with_headers(std::vector<std::pair<http::bhttp::field, std::string>> headers,
                           std::vector<std::pair<std::string, std::string>> named = {}) {
  http::Request request;
  for (const auto& [field, value] : headers) request.raw.insert(field, value);
  for (const auto& [name, value] : named) request.raw.insert(name, value);
  return request;
}

TEST(ReadAfter, TakesTheHeaderThenTheCookie) {
  using http::bhttp::field;
  EXPECT_FALSE(http::catalog_read(with_headers({})).after);
  EXPECT_EQ(http::catalog_read(with_headers({}, {{"X-Read-After", "0/10"}})).after, 0x10u);
  EXPECT_EQ(
      http::catalog_read(with_headers({{field::cookie, "a=1; pocketshop_read_after=0/20; b=2"}}))
          .after,
      0x20u);
  EXPECT_EQ(http::catalog_read(with_headers({{field::cookie, "pocketshop_read_after=0/20"}},
                                            {{"X-Read-After", "0/10"}}))
                .after,
            0x10u);
  // Malformed values count as none.
  EXPECT_FALSE(http::catalog_read(with_headers({{field::cookie, "pocketshop_read_after=x"}},
                                               {{"X-Read-After", "nope"}}))
                   .after);
}

TEST(ReadAfter, RemembersAWriteBesideOtherCookies) {
  http::Response response;
  response.insert(http::bhttp::field::set_cookie, "pocketshop_refresh=t; Path=/api/auth");
  http::remember_write(response, 0x3001120u, std::chrono::seconds(10));
  EXPECT_EQ(response["X-Read-After"], "0/3001120");
  const auto [first, last] = response.equal_range(http::bhttp::field::set_cookie);
  std::vector<std::string> cookies;
  for (auto it = first; it != last; ++it) cookies.emplace_back(it->value());
  ASSERT_EQ(cookies.size(), 2u);
  EXPECT_EQ(cookies[1],
            "pocketshop_read_after=0/3001120; Path=/api; Max-Age=10; HttpOnly; SameSite=Lax");
}

}  // namespace
}  // namespace ps
