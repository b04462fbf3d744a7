// Media on the S3 backend, against the S3-compatible server that
// scripts/with-s3.sh starts on 127.0.0.1 (make test and .ci/run go through it).
#include "core/clock.h"
#include "media/demo_images.h"
#include "media/processing.h"
#include "media/service.h"
#include "support/log_capture.h"
#include "support/marketplace.h"
#include "support/s3_server.h"

#include <soci/soci.h>

namespace ps::testing {
namespace {

using boost::beast::http::verb;

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";

class MediaS3Api : public MarketplaceTest {
 protected:
  void SetUp() override {
    s3_ = s3_server_from_environment();
    if (!s3_)
      GTEST_SKIP() << "POCKETSHOP_TEST_S3_ENDPOINT is not set: run the tests through "
                      "scripts/with-s3.sh (make test does) to test media on S3";
    bucket_ = unique_bucket_name();
    if (creates_bucket()) {
      const auto created = s3_request(*s3_, "PUT", "/" + bucket_);
      ASSERT_EQ(created.status, 200) << created.body;
    }
    MarketplaceTest::SetUp();
    media::ensure_vips();
    vendor_ = sign_up("vendor@example.com", "vendor");
  }

  void configure(Config& config) override {
    config.media_storage = "s3";
    config.s3_endpoint = s3_->endpoint;
    config.s3_bucket = bucket_;
    config.s3_access_key = s3_->access_key;
    config.s3_secret_key = secret_key();
    config.s3_timeout_ms = 30000;
  }

  virtual bool creates_bucket() const { return true; }
  virtual std::string secret_key() const { return s3_->secret_key; }

  // "/media/<key>/<file>" to "/<bucket>/<key>/<file>".
  std::string object_path(const std::string& media_url) const {
    return "/" + bucket_ + media_url.substr(std::string_view("/media").size());
  }

  static std::string url(const boost::json::object& image, const char* size) {
    return std::string(image.at("urls").at(size).as_string());
  }

  std::optional<S3Server> s3_;
  std::string bucket_;
  Account vendor_;
};
POCKETSHOP_API_TEST(MediaS3Api);

TEST_P(MediaS3Api, UploadPutsTheVariantsInTheBucketAndServesThemWithTheSameHeaders) {
  const std::string jpeg = media::render_demo_image(1800, 900, 5);
  const auto uploaded = upload_bytes(vendor_.access_token, jpeg);
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const auto image = uploaded.json().as_object();

  for (const char* size : {"small", "medium", "large"}) {
    const std::string target = url(image, size);
    SCOPED_TRACE(target);
    const auto head = s3_request(*s3_, "HEAD", object_path(target));
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.header("content-type"), "image/webp");
    const auto object = s3_request(*s3_, "GET", object_path(target));
    ASSERT_EQ(object.status, 200);

    const auto served = client().get(target);
    ASSERT_EQ(served.status, 200) << served.body;
    EXPECT_EQ(served.body, object.body);
    EXPECT_EQ(served.header("content-type"), "image/webp");
    EXPECT_EQ(served.header("cache-control"), kImmutable);
    EXPECT_EQ(served.header("x-content-type-options"), "nosniff");
    const std::string file = target.substr(target.rfind('/') + 1);
    EXPECT_EQ(served.header("etag"), media::variant_etag(file));

    const auto again =
        client().request(verb::get, target, {}, {{"If-None-Match", served.header("etag")}});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(again.header("etag"), served.header("etag"));
    EXPECT_EQ(again.header("cache-control"), kImmutable);
  }
  EXPECT_EQ(media_files_on_disk(), 0u);

  // The same bytes again reuse the objects the bucket holds.
  const auto repeated = upload_bytes(vendor_.access_token, jpeg);
  ASSERT_EQ(repeated.status, 201) << repeated.body;
  const auto reused = repeated.json().as_object();
  EXPECT_EQ(reused.at("urls"), image.at("urls"));
}

TEST_P(MediaS3Api, UnusedImagesLeaveTheBucket) {
  const auto uploaded = upload_bytes(vendor_.access_token, media::render_demo_image(1800, 900, 6));
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const auto image = uploaded.json().as_object();
  for (const char* size : {"small", "medium", "large"})
    ASSERT_EQ(s3_request(*s3_, "HEAD", object_path(url(image, size))).status, 200) << size;

  // Never attached; once past its grace, it goes, objects and all.
  const auto deleted = server().app().media().delete_unused(now_millis() + 1000);
  EXPECT_EQ(deleted.images, 1);
  EXPECT_EQ(deleted.files, 3);
  for (const char* size : {"small", "medium", "large"}) {
    EXPECT_EQ(s3_request(*s3_, "HEAD", object_path(url(image, size))).status, 404) << size;
    expect_problem(client().get(url(image, size)), 404, "not-found");
  }
}

TEST_P(MediaS3Api, AFileTheBucketLacksIs404) {
  const std::string target =
      "/media/" + std::string(64, 'a') + "/320-" + std::string(32, '0') + ".webp";
  expect_problem(client().get(target), 404, "not-found");
  expect_problem(client().request(verb::get, target, {}, {{"If-None-Match", "\"x\""}}), 404,
                 "not-found");
  expect_problem(client().request(verb::get, target, {}, {{"If-None-Match", "*"}}), 404,
                 "not-found");
}

class MediaS3WrongSecretApi : public MediaS3Api {
 protected:
  std::string secret_key() const override { return "wrong-" + s3_->secret_key; }
};
POCKETSHOP_API_TEST(MediaS3WrongSecretApi);

TEST_P(MediaS3WrongSecretApi, UploadsFailWithAClearProblemAndTheLogNamesNoSecret) {
  LogCapture log;
  const auto uploaded = upload_bytes(vendor_.access_token, media::render_demo_image(640, 480, 2));
  expect_problem(uploaded, 503, "unavailable");
  EXPECT_EQ(uploaded.body.find(s3_->secret_key), std::string::npos) << uploaded.body;
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM images"), 0);

  const std::string text = log.text();
  EXPECT_NE(text.find("SignatureDoesNotMatch"), std::string::npos) << text;
  EXPECT_NE(text.find("PUT " + bucket_ + "/"), std::string::npos) << text;
  EXPECT_EQ(text.find(s3_->secret_key), std::string::npos) << text;

  // A store that refuses is not an absent file.
  const std::string target =
      "/media/" + std::string(64, 'a') + "/320-" + std::string(32, '0') + ".webp";
  expect_problem(client().get(target), 503, "unavailable");
}

// Files whose rows were deleted while the bucket refuses stay queued for
// the next sweep; the rows' deletion is not held up, and the log names no
// secret.
TEST_P(MediaS3WrongSecretApi, UnusedFilesWaitInTheQueueWhileTheBucketRefuses) {
  const long long owner = vendor_.id;
  const std::string key(64, 'b');
  server().app().database().transaction([&](db::Connection& sql) {
    sql.session() << "INSERT INTO images (owner_id, sha256, format, width, height, small_file, "
                     "medium_file, large_file, created_at) VALUES (:owner, :key, 'jpeg', 10, 10, "
                     "'320-00000000000000000000000000000001.webp', "
                     "'800-00000000000000000000000000000002.webp', "
                     "'1600-00000000000000000000000000000003.webp', 1)",
        soci::use(owner), soci::use(key);
  });
  LogCapture log;
  const auto deleted = server().app().media().delete_unused(now_millis());
  EXPECT_EQ(deleted.images, 1);
  EXPECT_EQ(deleted.files, 0);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM images"), 0);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM unused_media_files"), 3);
  const std::string text = log.text();
  EXPECT_NE(text.find("deleting unused image files stopped"), std::string::npos) << text;
  EXPECT_NE(text.find("SignatureDoesNotMatch"), std::string::npos) << text;
  EXPECT_EQ(text.find(s3_->secret_key), std::string::npos) << text;
}

class MediaS3MissingBucketApi : public MediaS3Api {
 protected:
  bool creates_bucket() const override { return false; }
};
POCKETSHOP_API_TEST(MediaS3MissingBucketApi);

TEST_P(MediaS3MissingBucketApi, UploadsFailWithAClearProblemNamingTheBucket) {
  LogCapture log;
  const auto uploaded = upload_bytes(vendor_.access_token, media::render_demo_image(640, 480, 3));
  expect_problem(uploaded, 503, "unavailable");
  const std::string text = log.text();
  EXPECT_NE(text.find("NoSuchBucket"), std::string::npos) << text;
  EXPECT_NE(text.find(bucket_), std::string::npos) << text;

  const std::string target =
      "/media/" + std::string(64, 'a') + "/320-" + std::string(32, '0') + ".webp";
  expect_problem(client().get(target), 503, "unavailable");
}

}  // namespace
}  // namespace ps::testing
