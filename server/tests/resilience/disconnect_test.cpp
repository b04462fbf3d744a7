// Clients that hang up mid-request leave nothing half-written: a body cut
// short does nothing, a checkout whose client left before the answer happened
// entirely or not at all, and a cut-off upload leaves no row and no file.
#include "support/checkout_request.h"
#include "support/marketplace.h"

#include "media/demo_images.h"

#include <soci/soci.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace ps::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr long long kStock = 10;
constexpr long long kQuantity = 2;
constexpr int kWaitMs = 5000;
constexpr const char* kBoundary = "resilience-boundary";

// A request head announcing `content_length` body bytes.
std::string request_head(const std::string& target, const std::string& token,
                         const std::string& content_type, std::size_t content_length,
                         const std::string& extra_headers = {}) {
  return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
         "\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(content_length) + "\r\n" + extra_headers + "\r\n";
}

std::string multipart(const std::string& bytes) {
  return std::string("--") + kBoundary +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
         "Content-Type: image/jpeg\r\n\r\n" +
         bytes + "\r\n--" + kBoundary + "--\r\n";
}

std::size_t files_under(const std::filesystem::path& folder) {
  if (!std::filesystem::exists(folder)) return 0;
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder))
    files += entry.is_regular_file();
  return files;
}

class ClientDisconnect : public MarketplaceTest {
 protected:
  void SetUp() override {
    MarketplaceTest::SetUp();
    vendor_ = vendor_with_shop("vendor@example.com", "Wire Goods");
    product_ = create_product(vendor_.access_token, {{"inventory", kStock}}).at("id").as_int64();
    buyer_ = sign_up("buyer@example.com");
    const auto added =
        client().post_json("/api/cart/items", {{"product_id", product_}, {"quantity", kQuantity}},
                           buyer_.access_token);
    ASSERT_EQ(added.status, 200) << added.body;
  }

  std::string checkout_request(const std::string& key) const {
    const auto body = boost::json::serialize(checkout_body_with_token(approved_token_for_key(key)));
    return request_head("/api/checkout", buyer_.access_token, "application/json", body.size(),
                        "Idempotency-Key: " + key + "\r\n") +
           body;
  }

  long long count(const std::string& table) {
    long long n = 0;
    server().app().database().with_session([&](db::Connection& sql) {
      sql.session() << "SELECT COUNT(*) FROM " + table, soci::into(n);
    });
    return n;
  }
  long long inventory() {
    return client()
        .get("/api/products/" + std::to_string(product_))
        .json()
        .at("inventory")
        .as_int64();
  }
  long long in_cart() {
    return client().get("/api/cart", buyer_.access_token).json().at("item_count").as_int64();
  }

  // The checkout route finished a request (metrics count it once answered).
  bool checkout_was_handled(int timeout_ms) {
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      if (client().get("/metrics").body.find("pocketshop_checkouts_total{") != std::string::npos)
        return true;
      if (Clock::now() >= deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  void expect_nothing_bought() {
    EXPECT_EQ(count("checkouts"), 0);
    EXPECT_EQ(count("orders"), 0);
    EXPECT_EQ(count("order_items"), 0);
    EXPECT_EQ(count("payments"), 0);
    EXPECT_EQ(inventory(), kStock);
    EXPECT_EQ(in_cart(), kQuantity);
  }
  void expect_bought_once() {
    EXPECT_EQ(count("checkouts"), 1);
    EXPECT_EQ(count("orders"), 1);
    EXPECT_EQ(count("order_items"), 1);
    EXPECT_EQ(count("payments"), 1);
    EXPECT_EQ(inventory(), kStock - kQuantity);
    EXPECT_EQ(in_cart(), 0);
  }

  // Either the whole checkout happened or none of it, and a retry with the
  // same Idempotency-Key then settles it exactly once.
  void expect_all_or_nothing_then_retry(const std::string& key) {
    if (checkout_was_handled(kWaitMs))
      expect_bought_once();
    else
      expect_nothing_bought();
    const auto retried = client().request(
        boost::beast::http::verb::post, "/api/checkout",
        boost::json::serialize(checkout_body_with_token(approved_token_for_key(key))),
        {{"Content-Type", "application/json"},
         {"Authorization", "Bearer " + buyer_.access_token},
         {"Idempotency-Key", key}});
    EXPECT_EQ(retried.status, 201) << retried.body;
    expect_bought_once();
  }

  Account vendor_, buyer_;
  std::int64_t product_ = 0;
};
POCKETSHOP_API_TEST(ClientDisconnect);

TEST_P(ClientDisconnect, BodyCutShortChangesNothing) {
  const auto request = checkout_request("cut-short");
  RawConnection wire(server().port());
  wire.send(request.substr(0, request.size() - 20));
  wire.stop_sending();
  const auto answer = wire.read_until_closed(kWaitMs);
  ASSERT_TRUE(answer.has_value()) << "the server kept a half-sent request open";
  EXPECT_EQ(*answer, "") << "a request cut short was answered";

  EXPECT_FALSE(checkout_was_handled(0));
  expect_nothing_bought();
  EXPECT_EQ(client().get("/healthz").status, 200);
}

TEST_P(ClientDisconnect, ClosedBeforeTheAnswerIsAllOrNothing) {
  RawConnection wire(server().port());
  wire.send(checkout_request("closed-early"));
  wire.close();
  expect_all_or_nothing_then_retry("closed-early");
  EXPECT_EQ(client().get("/healthz").status, 200);
}

TEST_P(ClientDisconnect, ResetBeforeTheAnswerIsAllOrNothing) {
  RawConnection wire(server().port());
  wire.send(checkout_request("reset-early"));
  wire.reset();
  expect_all_or_nothing_then_retry("reset-early");
  EXPECT_EQ(client().get("/healthz").status, 200);
}

TEST_P(ClientDisconnect, UploadCutOffLeavesNoImageAndNoFile) {
  const auto media = std::filesystem::path(server().config().data_dir) / "media";
  const auto body = multipart(media::render_demo_image(640, 480, 7));
  const auto head =
      request_head("/api/uploads", vendor_.access_token,
                   std::string("multipart/form-data; boundary=") + kBoundary, body.size());

  RawConnection cut_on_the_wire(server().port());
  cut_on_the_wire.send(head + body.substr(0, body.size() / 2));
  cut_on_the_wire.stop_sending();
  const auto answer = cut_on_the_wire.read_until_closed(kWaitMs);
  ASSERT_TRUE(answer.has_value()) << "the server kept a half-sent upload open";
  EXPECT_EQ(*answer, "");

  // All the bytes HTTP promised, but the image and the multipart end are missing.
  const auto truncated = body.substr(0, body.size() / 2);
  const auto refused =
      client().request(boost::beast::http::verb::post, "/api/uploads", truncated,
                       {{"Content-Type", std::string("multipart/form-data; boundary=") + kBoundary},
                        {"Authorization", "Bearer " + vendor_.access_token}});
  EXPECT_TRUE(refused.status == 400 || refused.status == 422) << refused.status << refused.body;

  EXPECT_EQ(count("images"), 0);
  EXPECT_EQ(files_under(media), 0u);
  EXPECT_EQ(client().get("/healthz").status, 200);
  // The same upload sent whole is stored, so the folder checked above is the right one.
  EXPECT_EQ(upload_bytes(vendor_.access_token, media::render_demo_image(640, 480, 7)).status, 201);
  EXPECT_GT(files_under(media), 0u);
}

}  // namespace
}  // namespace ps::testing
