// Unused images are deleted: uploads never attached, and images detached
// from every shop, product and message, once unused for the grace period;
// their files go with the last row that names them (migration 030).
#include "core/clock.h"
#include "core/random.h"
#include "media/demo_images.h"
#include "media/service.h"
#include "media/store.h"
#include "support/marketplace.h"

#include <soci/soci.h>

#include <future>
#include <latch>
#include <set>
#include <thread>

namespace ps::testing {
namespace {

constexpr Millis kHour = 3600 * 1000;

class UnusedImagesApi : public MarketplaceTest {
 protected:
  void configure(Config& config) override {
    config.unused_image_hours = 0;  // the tests sweep, at the times they choose
    config.upload_limit_per_user = 100000;
  }

  void SetUp() override {
    MarketplaceTest::SetUp();
    vendor = vendor_with_shop("vendor@example.com", "Clay Studio");
  }

  media::MediaService::Deleted sweep(Millis unused_before) {
    return server().app().media().delete_unused(unused_before);
  }
  // Every image unused now is old enough.
  media::MediaService::Deleted sweep_all() { return sweep(now_millis() + kHour); }

  bool image_exists(std::int64_t id) {
    return sql_number("SELECT COUNT(*) FROM images WHERE id = " + std::to_string(id)) == 1;
  }

  // The variants' URLs, /media/<sha256>/<file>, from the image's row (which
  // may be deleted by the time they are fetched).
  std::vector<std::string> variant_urls(std::int64_t id) {
    std::string sha256, small, medium, large;
    server().app().database().with_session([&](db::Connection& sql) {
      sql.session() << "SELECT sha256, small_file, medium_file, large_file FROM images "
                       "WHERE id = :id",
          soci::into(sha256), soci::into(small), soci::into(medium), soci::into(large),
          soci::use(static_cast<long long>(id));
    });
    EXPECT_FALSE(sha256.empty()) << "no image " << id;
    return {"/media/" + sha256 + "/" + small, "/media/" + sha256 + "/" + medium,
            "/media/" + sha256 + "/" + large};
  }

  // How many of the URLs are served (200); the others must be 404.
  int served(const std::vector<std::string>& urls) {
    int count = 0;
    for (const auto& url : urls) {
      const int status = client().get(url).status;
      EXPECT_TRUE(status == 200 || status == 404) << url << " " << status;
      count += status == 200 ? 1 : 0;
    }
    return count;
  }

  std::int64_t shop_id(const Account& owner) {
    return sql_number("SELECT id FROM shops WHERE owner_id = " + std::to_string(owner.id));
  }

  // A message with the images, from a new buyer to the vendor's shop.
  void send_message_with(std::int64_t image_a, std::int64_t image_b, const Account& sender) {
    const auto started =
        client().post_json("/api/conversations", {{"shop_id", shop_id(vendor)}, {"body", "Hello"}},
                           sender.access_token);
    ASSERT_EQ(started.status, 201) << started.body;
    const auto thread = started.json().at("conversation").at("id").as_int64();
    const auto sent = client().post_json(
        "/api/conversations/" + std::to_string(thread) + "/messages",
        {{"body", "These"}, {"image_ids", {image_a, image_b}}}, sender.access_token);
    ASSERT_EQ(sent.status, 201) << sent.body;
  }

  // PostgreSQL: how many advisory locks of this test's database are waited for.
  long long advisory_lock_waits() {
    return sql_number(
        "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND "
        "database = (SELECT oid FROM pg_database WHERE datname = current_database())");
  }

  void wait_for_advisory_lock_waits(long long count) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (advisory_lock_waits() < count) {
      ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "waiting for " << count;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }

  bool on_postgres() { return server().app().database().dialect() == db::Dialect::postgres; }

  Account vendor;
};
POCKETSHOP_API_TEST(UnusedImagesApi);

TEST_P(UnusedImagesApi, AnUploadNeverAttachedGoesAfterTheGracePeriodFilesAndAll) {
  const Millis before_upload = now_millis() - 1;
  const auto image = upload_image(vendor.access_token, 1000, 700);  // three distinct variants
  const auto urls = variant_urls(image);
  EXPECT_EQ(served(urls), 3);
  EXPECT_EQ(media_files_on_disk(), 3u);

  // Uploaded after the cut-off: still within its grace.
  const auto early = sweep(before_upload);
  EXPECT_EQ(early.images, 0);
  EXPECT_TRUE(image_exists(image));
  EXPECT_EQ(served(urls), 3);

  const auto late = sweep_all();
  EXPECT_EQ(late.images, 1);
  EXPECT_EQ(late.files, 3);
  EXPECT_FALSE(image_exists(image));
  EXPECT_EQ(served(urls), 0);
  EXPECT_EQ(media_files_on_disk(), 0u);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM unused_image_candidates"), 0);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM unused_media_files"), 0);
  // Nothing is left to do.
  const auto again = sweep_all();
  EXPECT_EQ(again.images + again.files, 0);
}

TEST_P(UnusedImagesApi, WhatAShopAProductOrAMessageShowsIsKept) {
  const auto logo = upload_image(vendor.access_token);
  const auto cover = upload_image(vendor.access_token);
  const auto photo = upload_image(vendor.access_token);
  const auto unused = upload_image(vendor.access_token);
  ASSERT_EQ(patch_json("/api/shops/clay-studio",
                       {{"logo_image_id", logo}, {"cover_image_id", cover}}, vendor.access_token)
                .status,
            200);
  create_product(vendor.access_token,
                 {{"name", "Mug"}, {"price_cents", 2500}, {"images", {{{"image_id", photo}}}}});
  const auto buyer = sign_up("buyer@example.com");
  const auto attached_a = upload_image(buyer.access_token);
  const auto attached_b = upload_image(buyer.access_token);
  send_message_with(attached_a, attached_b, buyer);

  const auto deleted = sweep_all();
  EXPECT_EQ(deleted.images, 1);
  EXPECT_FALSE(image_exists(unused));
  for (const auto id : {logo, cover, photo, attached_a, attached_b}) {
    EXPECT_TRUE(image_exists(id)) << id;
    EXPECT_EQ(served(variant_urls(id)), 3) << id;
  }
  // Each was checked once and forgotten: a sweep costs what changed since.
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM unused_image_candidates"), 0);
  const auto shop = client().get("/api/shops/clay-studio").json();
  EXPECT_EQ(shop.at("logo").at("id").as_int64(), logo);
}

TEST_P(UnusedImagesApi, ADetachedImageHasAGracePeriodOfItsOwn) {
  const auto kept = upload_image(vendor.access_token);
  const auto dropped = upload_image(vendor.access_token);
  const auto product = create_product(
      vendor.access_token, {{"name", "Mug"},
                            {"price_cents", 2500},
                            {"images", {{{"image_id", kept}}, {{"image_id", dropped}}}}});
  // Both were uploaded long ago.
  server().app().database().with_session(
      [](db::Connection& sql) { sql.session() << "UPDATE images SET created_at = 1"; });
  sweep_all();  // the uploads are checked: in use
  EXPECT_TRUE(image_exists(dropped));

  const Millis before_edit = now_millis() - 1000;
  ASSERT_EQ(
      patch_json(product_url(product), {{"images", {{{"image_id", kept}}}}}, vendor.access_token)
          .status,
      200);
  // Unused only since the edit, however old the upload.
  EXPECT_EQ(sweep(before_edit).images, 0);
  EXPECT_TRUE(image_exists(dropped));
  EXPECT_EQ(sweep_all().images, 1);
  EXPECT_FALSE(image_exists(dropped));
  EXPECT_TRUE(image_exists(kept));

  // A replaced logo goes the same way.
  const auto old_logo = upload_image(vendor.access_token);
  ASSERT_EQ(patch_json("/api/shops/clay-studio", {{"logo_image_id", old_logo}}, vendor.access_token)
                .status,
            200);
  sweep_all();
  const auto new_logo = upload_image(vendor.access_token);
  ASSERT_EQ(patch_json("/api/shops/clay-studio", {{"logo_image_id", new_logo}}, vendor.access_token)
                .status,
            200);
  EXPECT_EQ(sweep_all().images, 1);
  EXPECT_FALSE(image_exists(old_logo));
  EXPECT_TRUE(image_exists(new_logo));
}

TEST_P(UnusedImagesApi, SharedFilesStayUntilNoRowNamesThem) {
  const std::string bytes = media::render_demo_image(1000, 700, 4242);
  const auto first = upload_bytes(vendor.access_token, bytes);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto other = vendor_with_shop("other@example.com", "Paper Goods");
  const auto second = upload_bytes(other.access_token, bytes);
  ASSERT_EQ(second.status, 201) << second.body;
  const auto used = first.json().at("id").as_int64();
  const auto unused = second.json().at("id").as_int64();
  const auto urls = variant_urls(used);
  EXPECT_EQ(variant_urls(unused), urls);
  create_product(vendor.access_token,
                 {{"name", "Mug"}, {"price_cents", 2500}, {"images", {{{"image_id", used}}}}});

  const auto deleted = sweep_all();
  EXPECT_EQ(deleted.images, 1);
  EXPECT_EQ(deleted.files, 0);
  EXPECT_FALSE(image_exists(unused));
  EXPECT_EQ(served(urls), 3);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM unused_media_files"), 0);

  // Once the product lets it go too, the files follow.
  const auto product_id = sql_number("SELECT product_id FROM product_images");
  ASSERT_EQ(patch_json("/api/products/" + std::to_string(product_id),
                       {{"images", boost::json::array{}}}, vendor.access_token)
                .status,
            200);
  const auto last = sweep_all();
  EXPECT_EQ(last.images, 1);
  EXPECT_EQ(last.files, 3);
  EXPECT_EQ(served(urls), 0);
  EXPECT_EQ(media_files_on_disk(), 0u);
}

// Several instances sweep at once: each unused image is deleted once, and
// no sweep fails or waits for another.
TEST_P(UnusedImagesApi, ConcurrentSweepsDeleteEachImageOnce) {
  constexpr int kImages = 30;
  std::set<std::string> urls;
  for (int i = 0; i < kImages; ++i)
    for (const auto& url : variant_urls(upload_image(vendor.access_token, 64, 48)))
      urls.insert(url);
  constexpr int kSweepers = 4;
  std::latch start(kSweepers);
  std::vector<std::future<media::MediaService::Deleted>> sweeps;
  for (int n = 0; n < kSweepers; ++n)
    sweeps.push_back(std::async(std::launch::async, [&] {
      start.arrive_and_wait();
      return sweep_all();
    }));
  long long images = 0, files = 0;
  for (auto& done : sweeps) {
    const auto deleted = done.get();
    images += deleted.images;
    files += deleted.files;
  }
  // What one sweep left locked by another, the next one finishes.
  const auto rest = sweep_all();
  EXPECT_EQ(images + rest.images, kImages);
  EXPECT_EQ(files + rest.files, static_cast<long long>(urls.size()));
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM images"), 0);
  EXPECT_EQ(served({urls.begin(), urls.end()}), 0);
  EXPECT_EQ(media_files_on_disk(), 0u);
}

// The same bytes uploaded again while a sweep deletes the last row that
// named their files: the new row's files are served, whichever wins.
TEST_P(UnusedImagesApi, AnUploadRacingTheDeletionOfItsFilesKeepsThem) {
  for (int round = 0; round < 6; ++round) {
    const std::string bytes = media::render_demo_image(320, 240, 9000 + round);
    ASSERT_EQ(upload_bytes(vendor.access_token, bytes).status, 201);
    // The first row is past its grace; the second, uploaded after, is not.
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const Millis cutoff = now_millis();
    std::latch start(2);
    auto sweeping = std::async(std::launch::async, [&] {
      start.arrive_and_wait();
      return sweep(cutoff);
    });
    auto uploading = std::async(std::launch::async, [&] {
      start.arrive_and_wait();
      return upload_bytes(vendor.access_token, bytes);
    });
    sweeping.get();
    const auto uploaded = uploading.get();
    ASSERT_EQ(uploaded.status, 201) << uploaded.body;
    const auto id = uploaded.json().at("id").as_int64();
    ASSERT_TRUE(image_exists(id));
    EXPECT_EQ(served(variant_urls(id)), 3) << "round " << round;
    // Let it go too, for the next round's files to start from nothing.
    EXPECT_EQ(sweep_all().images, 1);
    EXPECT_EQ(media_files_on_disk(), 0u);
  }
}

// The interleaving that would lose files, made to happen: a sweep has
// deleted the last row that named them and waits for their key's lock; an
// upload of the same bytes found the files still there and waits for the
// lock too. The sweep goes first (PostgreSQL grants in turn) and deletes the
// files; the upload finds them gone and stores them again.
TEST_P(UnusedImagesApi, AnUploadQueuedBehindTheDeletionOfItsFilesStoresThemAgain) {
  const std::string bytes = media::render_demo_image(1000, 700, 777);
  ASSERT_EQ(upload_bytes(vendor.access_token, bytes).status, 201);
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  const Millis cutoff = now_millis();  // past the first row only

  std::promise<void> held, release;
  auto holder = std::async(std::launch::async, [&] {
    server().app().database().transaction([&](db::Connection& sql) {
      media::store::lock_key(sql, sha256_hex(bytes));
      held.set_value();
      release.get_future().wait();
    });
  });
  held.get_future().wait();
  auto sweeping = std::async(std::launch::async, [&] { return sweep(cutoff); });
  if (on_postgres()) wait_for_advisory_lock_waits(1);
  auto uploading =
      std::async(std::launch::async, [&] { return upload_bytes(vendor.access_token, bytes); });
  if (on_postgres()) wait_for_advisory_lock_waits(2);
  release.set_value();
  holder.get();

  const auto deleted = sweeping.get();
  EXPECT_EQ(deleted.images, 1);
  const auto uploaded = uploading.get();
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const auto id = uploaded.json().at("id").as_int64();
  EXPECT_EQ(served(variant_urls(id)), 3);
  EXPECT_EQ(media_files_on_disk(), 3u);
}

// A product edit that attaches an old unused image while a sweep deletes
// it: either the edit wins and the image stays, or the sweep wins and the
// edit is told there is no such image. Never an edit that points at nothing.
TEST_P(UnusedImagesApi, AttachingAnImageWhileItIsSweptNeverLosesIt) {
  const auto product =
      create_product(vendor.access_token, {{"name", "Mug"}, {"price_cents", 2500}});
  for (int round = 0; round < 6; ++round) {
    const auto image = upload_image(vendor.access_token, 64, 48);
    std::latch start(2);
    auto sweeping = std::async(std::launch::async, [&] {
      start.arrive_and_wait();
      return sweep_all();
    });
    auto attaching = std::async(std::launch::async, [&] {
      start.arrive_and_wait();
      return patch_json(product_url(product), {{"images", {{{"image_id", image}}}}},
                        vendor.access_token);
    });
    sweeping.get();
    const auto attached = attaching.get();
    if (attached.status == 200) {
      EXPECT_TRUE(image_exists(image)) << "round " << round;
      EXPECT_EQ(served(variant_urls(image)), 3) << "round " << round;
      const auto detail = client().get(product_url(product)).json();
      EXPECT_EQ(detail.at("images").at(0).at("id").as_int64(), image);
    } else {
      expect_problem(attached, 404, "not-found");
      EXPECT_FALSE(image_exists(image));
    }
  }
}

}  // namespace
}  // namespace ps::testing
