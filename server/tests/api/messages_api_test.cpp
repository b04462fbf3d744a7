// Conversations between buyers and shops (issue 17): threads, who may see
// them, limits on what is written, attachments, double submits, rate limits,
// and the mail a message still unread after a delay sends.

#include "api/checkout_test.h"

#include "core/clock.h"
#include "messages/model.h"

#include <future>
#include <latch>
#include <mutex>
#include <set>

namespace ps::testing {
namespace {

using boost::beast::http::verb;

class MessagesApi : public CheckoutTest {
 protected:
  // The mails about new messages (an account gets others: welcome, orders).
  std::vector<OutboxMail> messages_mailed_to(const std::string& address) {
    std::vector<OutboxMail> found;
    for (auto& mail : mails_to(address))
      if (mail.kind == "new_message") found.push_back(std::move(mail));
    return found;
  }

  void configure(Config& config) override {
    config.job_workers = 0;  // the tests run the mail jobs
    config.message_limit_per_user = 1000;
    config.conversation_limit_per_user = 1000;
    config.message_mail_delay_seconds = 300;
    config.public_url = "https://shop.example";
  }

  HttpResult post(const std::string& target, const boost::json::object& body,
                  const std::string& token, const std::string& key = {}) {
    Headers headers{{"Content-Type", "application/json"}};
    if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
    if (!key.empty()) headers.emplace_back("Idempotency-Key", key);
    return client().request(verb::post, target, boost::json::serialize(body), headers);
  }

  HttpResult start(const Account& who, boost::json::object body, const std::string& key = {}) {
    if (!body.contains("body")) body["body"] = "Hello, is this in stock?";
    return post("/api/conversations", body, who.access_token, key);
  }

  // Starts a thread with Clay Studio; returns its id.
  std::int64_t thread_with_clay(const std::string& text = "Hello") {
    const auto result = start(buyer, {{"shop_id", clay_shop}, {"body", text}});
    EXPECT_EQ(result.status, 201) << result.body;
    return result.status == 201 ? result.json().at("conversation").at("id").as_int64() : 0;
  }

  static std::string thread_url(std::int64_t id) {
    return "/api/conversations/" + std::to_string(id);
  }

  HttpResult reply(const Account& who, std::int64_t thread, const std::string& text,
                   const std::string& key = {}) {
    return post(thread_url(thread) + "/messages", {{"body", text}}, who.access_token, key);
  }

  long long unread(const Account& who) {
    return client().get("/api/me/unread-messages", who.access_token).json().at("count").as_int64();
  }

  // Runs the jobs due once the mail delay has passed.
  void run_jobs_after_delay() { server().app().jobs().run_due(now_millis() + 301 * 1000); }
};
POCKETSHOP_API_TEST(MessagesApi);

TEST_P(MessagesApi, ABuyerWritesAndTheVendorAnswers) {
  const auto first = start(buyer, {{"shop_id", clay_shop}, {"product_id", mug}});
  ASSERT_EQ(first.status, 201) << first.body;
  const auto conversation = first.json().at("conversation");
  const auto id = conversation.at("id").as_int64();
  EXPECT_EQ(conversation.at("role").as_string(), "buyer");
  EXPECT_EQ(conversation.at("shop").at("name").as_string(), "Clay Studio");
  EXPECT_EQ(conversation.at("product").at("name").as_string(), "Mug");
  EXPECT_EQ(first.json().at("message").at("from").as_string(), "buyer");
  EXPECT_TRUE(first.json().at("message").at("mine").as_bool());

  // The same subject again: the same thread.
  const auto second = start(buyer, {{"shop_id", clay_shop}, {"product_id", mug}, {"body", "And?"}});
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json().at("conversation").at("id").as_int64(), id);
  // Another subject: another thread.
  const auto general = start(buyer, {{"shop_id", clay_shop}});
  ASSERT_EQ(general.status, 201);
  EXPECT_NE(general.json().at("conversation").at("id").as_int64(), id);

  EXPECT_EQ(unread(clay), 3);
  EXPECT_EQ(unread(buyer), 0);
  EXPECT_EQ(unread(paper), 0);
  const auto inbox = client().get("/api/conversations", clay.access_token).json();
  ASSERT_EQ(inbox.at("total").as_int64(), 2);
  EXPECT_EQ(inbox.at("items").at(0).at("id").as_int64(),
            general.json().at("conversation").at("id").as_int64());  // newest activity first
  EXPECT_EQ(inbox.at("items").at(1).at("role").as_string(), "vendor");
  EXPECT_EQ(inbox.at("items").at(1).at("unread").as_int64(), 2);
  EXPECT_EQ(inbox.at("items").at(1).at("last_message").at("body").as_string(), "And?");

  const auto answer = reply(clay, id, "Yes, three left.");
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(answer.json().at("message").at("from").as_string(), "vendor");
  EXPECT_EQ(unread(clay), 1);  // answering read the thread, not the other one
  EXPECT_EQ(unread(buyer), 1);
  const auto mine = client().get("/api/conversations", buyer.access_token).json();
  EXPECT_EQ(mine.at("items").at(0).at("id").as_int64(), id);  // the answer moved it up
  EXPECT_EQ(mine.at("items").at(0).at("unread").as_int64(), 1);

  const auto thread = client().get(thread_url(id) + "?limit=2", buyer.access_token);
  ASSERT_EQ(thread.status, 200) << thread.body;
  const auto messages = thread.json().at("messages");
  EXPECT_EQ(messages.at("total").as_int64(), 3);
  ASSERT_EQ(messages.at("items").as_array().size(), 2u);
  EXPECT_EQ(messages.at("items").at(0).at("body").as_string(), "Yes, three left.");
  EXPECT_FALSE(messages.at("items").at(0).at("mine").as_bool());
  EXPECT_EQ(client()
                .get(thread_url(id) + "?limit=2&page=2", buyer.access_token)
                .json()
                .at("messages")
                .at("items")
                .at(0)
                .at("body")
                .as_string(),
            "Hello, is this in stock?");

  const auto read = post(thread_url(id) + "/read", {}, buyer.access_token);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json().at("unread").as_int64(), 0);
  EXPECT_EQ(unread(buyer), 0);

  // Each message told its recipient in the app.
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM notifications WHERE kind = 'new_message' AND "
                       "user_id = " +
                       std::to_string(clay.id)),
            3);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM notifications WHERE kind = 'new_message' AND "
                       "link = '/messages/" +
                       std::to_string(id) + "' AND user_id = " + std::to_string(buyer.id)),
            1);
}

TEST_P(MessagesApi, ReadingUpToAMessageLeavesTheLaterOnesUnread) {
  const auto id = thread_with_clay("one");
  const auto two = reply(buyer, id, "two").json().at("message").at("id").as_int64();
  reply(buyer, id, "three");
  const auto first = client().get(thread_url(id), clay.access_token).json();
  const auto oldest = first.at("messages").at("items").at(2).at("id").as_int64();
  ASSERT_EQ(post(thread_url(id) + "/read", {{"message_id", oldest}}, clay.access_token).status,
            200);
  EXPECT_EQ(unread(clay), 2);
  ASSERT_EQ(post(thread_url(id) + "/read", {{"message_id", two}}, clay.access_token).status, 200);
  EXPECT_EQ(unread(clay), 1);
  // Never back.
  ASSERT_EQ(post(thread_url(id) + "/read", {{"message_id", oldest}}, clay.access_token).status,
            200);
  EXPECT_EQ(unread(clay), 1);
  // A message of another thread is no position in this one.
  const auto other = start(buyer, {{"shop_id", paper_shop}}).json();
  expect_problem(post(thread_url(id) + "/read",
                      {{"message_id", other.at("message").at("id").as_int64()}}, clay.access_token),
                 422, "validation");
}

TEST_P(MessagesApi, OnlyTheTwoPartiesSeeAThread) {
  const auto id = thread_with_clay();
  const auto stranger = sign_up("stranger@example.com");
  const std::string missing = thread_url(999999);
  struct Case {
    const char* name;
    std::string token;
    int status;
  };
  const Case cases[] = {
      {"the buyer", buyer.access_token, 200},
      {"the shop's vendor", clay.access_token, 200},
      {"another buyer", stranger.access_token, 404},
      {"another vendor", paper.access_token, 404},
      {"a guest", "", 401},
  };
  for (const auto& c : cases) {
    const auto thread = client().get(thread_url(id), c.token);
    const auto write = reply(Account{0, "", c.token, ""}, id, "Hi");
    const auto read = post(thread_url(id) + "/read", {}, c.token);
    EXPECT_EQ(thread.status, c.status) << c.name;
    EXPECT_EQ(read.status, c.status) << c.name;
    EXPECT_EQ(write.status, c.status == 200 ? 201 : c.status) << c.name;
    if (c.status == 404) {
      expect_problem(thread, 404, "not-found");
      expect_problem(write, 404, "not-found");
      expect_problem(read, 404, "not-found");
      // The same answer as for no thread at all.
      EXPECT_EQ(thread.body, client().get(missing, c.token).body) << c.name;
    }
    if (c.status == 401) expect_problem(thread, 401, "unauthorized");
  }
  EXPECT_EQ(client().get("/api/conversations", stranger.access_token).json().at("total"), 0);
  EXPECT_EQ(client().get("/api/conversations", paper.access_token).json().at("total"), 0);
  expect_problem(client().get("/api/me/unread-messages"), 401, "unauthorized");
}

TEST_P(MessagesApi, AThreadIsAboutTheBuyersOwnOrderOrTheShopsProduct) {
  fill_cart(buyer, mug, 1);
  const auto order =
      checkout(buyer, checkout_body(kApproves)).json().at("orders").at(0).at("id").as_int64();
  const auto stranger = sign_up("stranger@example.com");

  const auto about_order = start(buyer, {{"shop_id", clay_shop}, {"order_id", order}});
  ASSERT_EQ(about_order.status, 201) << about_order.body;
  EXPECT_EQ(about_order.json().at("conversation").at("order_id").as_int64(), order);

  expect_problem(start(stranger, {{"shop_id", clay_shop}, {"order_id", order}}), 422,
                 "validation");  // someone else's order
  expect_problem(start(buyer, {{"shop_id", paper_shop}, {"order_id", order}}), 422,
                 "validation");  // from another shop
  expect_problem(start(buyer, {{"shop_id", paper_shop}, {"product_id", mug}}), 422,
                 "validation");  // another shop's product
  expect_problem(start(buyer, {{"shop_id", clay_shop}, {"product_id", mug}, {"order_id", order}}),
                 422, "validation");
  expect_problem(start(buyer, {{"shop_id", 999999}}), 404, "not-found");
  expect_problem(start(clay, {{"shop_id", clay_shop}}), 403, "forbidden");
  expect_problem(start(buyer, {{"shop_id", "clay"}}), 422, "validation");
  const auto draft =
      create_product(clay.access_token, {{"name", "Secret"}, {"status", "draft"}}).at("id");
  expect_problem(start(buyer, {{"shop_id", clay_shop}, {"product_id", draft}}), 422, "validation");
  // A vendor may write to another shop, as its buyer.
  EXPECT_EQ(start(paper, {{"shop_id", clay_shop}}).status, 201);
}

TEST_P(MessagesApi, BodiesAreCheckedOnTheWayIn) {
  const auto id = thread_with_clay();
  struct Case {
    const char* name;
    boost::json::value body;
    bool accepted;
  };
  const Case cases[] = {
      {"missing", nullptr, false},
      {"empty", "", false},
      {"blank", "  \n\t ", false},
      {"too long", boost::json::string(messages::kMaxBodyLength + 1, 'a'), false},
      {"a bell", "ring \a", false},
      {"an escape", "\x1b[31mred", false},
      {"a C1 control", "next \xc2\x85 line", false},
      {"a number", 12, false},
      {"the longest", boost::json::string(messages::kMaxBodyLength, 'a'), true},
      {"lines and tabs", "Hello,\n\tthank you!", true},
      {"Windows line breaks", "one\r\ntwo", true},
      {"long in bytes, not in characters",
       [] {
         std::string text;
         for (std::size_t i = 0; i < messages::kMaxBodyLength; ++i) text += "é";
         return boost::json::value(text);
       }(),
       true},
  };
  for (const auto& c : cases) {
    boost::json::object body;
    if (!c.body.is_null()) body["body"] = c.body;
    const auto result = post(thread_url(id) + "/messages", body, buyer.access_token);
    if (c.accepted) {
      EXPECT_EQ(result.status, 201) << c.name << ": " << result.body;
    } else {
      expect_problem(result, 422, "validation");
      if (result.status == 422) {
        EXPECT_TRUE(result.json().at("errors").as_object().contains("body")) << c.name;
      }
    }
  }
  expect_problem(client().request(verb::post, thread_url(id) + "/messages", "{not json",
                                  {{"Content-Type", "application/json"},
                                   {"Authorization", "Bearer " + buyer.access_token}}),
                 400, "bad-request");
}

TEST_P(MessagesApi, MessagesCarryTheSendersOwnImages) {
  const auto id = thread_with_clay();
  const auto photo = upload_image(buyer.access_token, 400, 300);
  const auto other = upload_image(buyer.access_token, 300, 300);
  const auto clays = upload_image(clay.access_token);
  const auto sent =
      post(thread_url(id) + "/messages", {{"body", "This crack"}, {"image_ids", {photo, other}}},
           buyer.access_token);
  ASSERT_EQ(sent.status, 201) << sent.body;
  const auto images = sent.json().at("message").at("images").as_array();
  ASSERT_EQ(images.size(), 2u);
  EXPECT_EQ(images.at(0).at("id").as_int64(), photo);
  const std::string small(images.at(0).at("urls").at("small").as_string());
  EXPECT_TRUE(small.starts_with("/media/")) << small;
  EXPECT_EQ(client().get(small).status, 200);
  const auto thread = client().get(thread_url(id), clay.access_token).json();
  EXPECT_EQ(thread.at("messages").at("items").at(0).at("images").as_array().size(), 2u);

  expect_problem(post(thread_url(id) + "/messages", {{"body", "x"}, {"image_ids", {clays}}},
                      buyer.access_token),
                 403, "forbidden");
  expect_problem(post(thread_url(id) + "/messages", {{"body", "x"}, {"image_ids", {999999}}},
                      buyer.access_token),
                 404, "not-found");
  expect_problem(post(thread_url(id) + "/messages", {{"body", "x"}, {"image_ids", {photo, photo}}},
                      buyer.access_token),
                 422, "validation");
  expect_problem(post(thread_url(id) + "/messages",
                      {{"body", "x"}, {"image_ids", {photo, other, 3, 4, 5}}}, buyer.access_token),
                 422, "validation");
  expect_problem(
      post(thread_url(id) + "/messages", {{"body", "x"}, {"image_ids", "1"}}, buyer.access_token),
      422, "validation");
  EXPECT_EQ(client().get(thread_url(id), clay.access_token).json().at("messages").at("total"), 2);
}

constexpr int kRacers = 8;

std::vector<HttpResult> all_at_once(const std::function<HttpResult()>& request) {
  std::latch start(kRacers);
  std::vector<std::future<HttpResult>> answers;
  for (int n = 0; n < kRacers; ++n)
    answers.push_back(std::async(std::launch::async, [&] {
      start.arrive_and_wait();
      return request();
    }));
  std::vector<HttpResult> results;
  for (auto& answer : answers) results.push_back(answer.get());
  return results;
}

TEST_P(MessagesApi, ConcurrentStartsOfOneSubjectMakeOneThread) {
  const auto results = all_at_once([&] {
    return start(buyer, {{"shop_id", clay_shop}, {"product_id", mug}});
  });
  std::set<std::int64_t> threads;
  for (const auto& result : results) {
    ASSERT_EQ(result.status, 201) << result.body;
    threads.insert(result.json().at("conversation").at("id").as_int64());
  }
  EXPECT_EQ(threads.size(), 1u);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM conversations"), 1);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM messages"), kRacers);
  // The thread's last message is the newest, whichever commit came last.
  EXPECT_EQ(sql_number("SELECT last_message_id FROM conversations"),
            sql_number("SELECT MAX(id) FROM messages"));
}

TEST_P(MessagesApi, ABuyerAndTheShopWritingAtOnceLeaveTheNewestMessageLast) {
  const auto id = thread_with_clay();
  for (int round = 0; round < 4; ++round) {
    int turn = 0;
    std::mutex turns;
    const auto results = all_at_once([&] {
      int mine = 0;
      {
        std::lock_guard lock(turns);
        mine = turn++;
      }
      return reply(mine % 2 ? clay : buyer, id, "Round " + std::to_string(round));
    });
    for (const auto& result : results) ASSERT_EQ(result.status, 201) << result.body;
    const std::string thread = std::to_string(id);
    ASSERT_EQ(sql_number("SELECT last_message_id FROM conversations WHERE id = " + thread),
              sql_number("SELECT MAX(id) FROM messages WHERE conversation_id = " + thread))
        << "round " << round;
  }
}

TEST_P(MessagesApi, ADoubleSubmitWithItsKeyMakesOneMessage) {
  const auto starts = all_at_once([&] {
    return start(buyer, {{"shop_id", clay_shop}, {"body", "Once"}}, "start-1");
  });
  int created = 0;
  std::set<std::int64_t> ids;
  for (const auto& result : starts) {
    ASSERT_TRUE(result.status == 201 || result.status == 200) << result.body;
    created += result.status == 201;
    ids.insert(result.json().at("message").at("id").as_int64());
  }
  EXPECT_EQ(created, 1);
  EXPECT_EQ(ids.size(), 1u);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM messages"), 1);
  const auto thread = client().get("/api/conversations", buyer.access_token).json();
  const auto id = thread.at("items").at(0).at("id").as_int64();

  const auto replies = all_at_once([&] { return reply(clay, id, "Twice?", "reply-1"); });
  created = 0;
  for (const auto& result : replies) created += result.status == 201;
  EXPECT_EQ(created, 1);
  // The key in the body does the same, for clients that cannot set headers.
  EXPECT_EQ(post(thread_url(id) + "/messages", {{"body", "Again"}, {"client_key", "k"}},
                 clay.access_token)
                .status,
            201);
  EXPECT_EQ(post(thread_url(id) + "/messages", {{"body", "Again"}, {"client_key", "k"}},
                 clay.access_token)
                .status,
            200);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM messages"), 3);
  EXPECT_EQ(unread(buyer), 2);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM notifications WHERE kind = 'new_message'"), 3);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM jobs WHERE kind = 'message_mail'"), 3);
}

TEST_P(MessagesApi, AnUnreadMessageIsMailedOnceAndAReadOneNever) {
  const auto id = thread_with_clay("Is the mug dishwasher safe?");
  server().app().jobs().run_due();  // not due yet
  EXPECT_TRUE(messages_mailed_to("clay@example.com").empty());
  run_jobs_after_delay();
  const auto mails = messages_mailed_to("clay@example.com");
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails.front().kind, "new_message");
  EXPECT_NE(mails.front().text_body.find("Is the mug dishwasher safe?"), std::string::npos)
      << mails.front().text_body;
  EXPECT_NE(mails.front().text_body.find("https://shop.example/messages/" + std::to_string(id)),
            std::string::npos)
      << mails.front().text_body;
  run_jobs_after_delay();
  EXPECT_EQ(messages_mailed_to("clay@example.com").size(), 1u);

  // Read before the delay: no mail.
  ASSERT_EQ(reply(clay, id, "Yes it is.").status, 201);
  ASSERT_EQ(post(thread_url(id) + "/read", {}, buyer.access_token).status, 200);
  run_jobs_after_delay();
  EXPECT_TRUE(messages_mailed_to("buyer@example.com").empty());
  EXPECT_EQ(
      sql_number("SELECT COUNT(*) FROM jobs WHERE kind = 'message_mail' AND status <> 'done'"), 0);
}

// Writing about an order, from either side (POST /api/orders/{id}/messages).
class OrderMessagesApi : public MessagesApi {
 protected:
  void SetUp() override {
    MessagesApi::SetUp();
    fill_cart(buyer, mug, 1);
    order = checkout(buyer, checkout_body(kApproves)).json().at("orders").at(0).at("id").as_int64();
  }

  HttpResult write(const Account& who, const std::string& text, const std::string& key = {},
                   std::int64_t about = 0) {
    return post("/api/orders/" + std::to_string(about ? about : order) + "/messages",
                {{"body", text}}, who.access_token, key);
  }

  std::int64_t order = 0;
};
POCKETSHOP_API_TEST(OrderMessagesApi);

TEST_P(OrderMessagesApi, TheVendorWritesToTheBuyerInTheOrdersOneThread) {
  const auto sent = write(clay, "Would you like it gift-wrapped?");
  ASSERT_EQ(sent.status, 201) << sent.body;
  const auto conversation = sent.json().at("conversation");
  EXPECT_EQ(conversation.at("order_id").as_int64(), order);
  const auto id = conversation.at("id").as_int64();
  EXPECT_EQ(unread(buyer), 1);
  EXPECT_EQ(unread(clay), 0);
  const auto bell = client().get("/api/me/notifications", buyer.access_token).json();
  EXPECT_EQ(bell.at("items").at(0).at("kind"), "new_message");
  EXPECT_EQ(bell.at("items").at(0).at("link").as_string(), "/messages/" + std::to_string(id));
  run_jobs_after_delay();  // still unread: mailed
  const auto mailed = messages_mailed_to(buyer.email);
  ASSERT_EQ(mailed.size(), 1u);
  EXPECT_NE(mailed.at(0).text_body.find("gift-wrapped"), std::string::npos);

  // The buyer's "Ask about this order", and the buyer writing here, land in the same thread.
  const auto asked = start(buyer, {{"shop_id", clay_shop}, {"order_id", order}, {"body", "Yes!"}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.json().at("conversation").at("id").as_int64(), id);
  EXPECT_EQ(write(buyer, "Thank you").json().at("conversation").at("id").as_int64(), id);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM conversations"), 1);
  EXPECT_EQ(client().get(thread_url(id), clay.access_token).json().at("messages").at("total"), 3);
  EXPECT_EQ(unread(clay), 2);
  EXPECT_EQ(unread(buyer), 0);
}

TEST_P(OrderMessagesApi, OnlyTheOrdersTwoPartiesWriteAboutIt) {
  const auto stranger = sign_up("stranger@example.com");
  expect_problem(write(paper, "Not my order"), 404, "not-found");
  expect_problem(write(stranger, "Not mine either"), 404, "not-found");
  expect_problem(write(clay, "No such order", {}, 999999), 404, "not-found");
  expect_problem(post("/api/orders/" + std::to_string(order) + "/messages", {{"body", "Hi"}}, ""),
                 401, "unauthorized");
  expect_problem(write(clay, ""), 422, "validation");
  expect_problem(
      client().request(
          verb::post, "/api/orders/" + std::to_string(order) + "/messages", "{not json",
          {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + clay.access_token}}),
      400, "bad-request");
  expect_problem(post("/api/orders/" + std::to_string(order) + "/messages", {{"text", "Hi"}},
                      clay.access_token),
                 422, "validation");  // no body field
  expect_problem(post("/api/orders/" + std::to_string(order) + "/messages",
                      {{"body", "Hi"}, {"image_ids", "one"}}, clay.access_token),
                 422, "validation");
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM messages"), 0);
}

TEST_P(OrderMessagesApi, NoOneIsWrittenToOnceTheBuyerHasDeletedTheAccount) {
  const auto thread = thread_with_clay("Do you make bowls?");
  const auto deleted = client().request(
      verb::delete_, "/api/me",
      boost::json::serialize(boost::json::object{{"password", "password123"}}),
      {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + buyer.access_token}});
  ASSERT_EQ(deleted.status, 204) << deleted.body;
  expect_problem(write(clay, "Are you there?"), 409, "recipient-deleted");
  expect_problem(reply(clay, thread, "We do!"), 409, "recipient-deleted");
  EXPECT_EQ(client().get(thread_url(thread), clay.access_token).status, 200);  // still readable
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM messages"), 1);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM jobs WHERE kind = 'message_mail'"), 1);
}

TEST_P(OrderMessagesApi, AShopWhoseVendorDeletedTheAccountTakesNoMessages) {
  const auto thread = thread_with_clay("Do you make bowls?");
  ASSERT_EQ(act(buyer, order, "cancel").status, 200);  // nothing under way: the vendor may go
  const auto deleted = client().request(
      verb::delete_, "/api/me",
      boost::json::serialize(boost::json::object{{"password", "password123"}}),
      {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + clay.access_token}});
  ASSERT_EQ(deleted.status, 204) << deleted.body;
  expect_problem(write(buyer, "Is the shop still open?"), 409, "recipient-deleted");
  expect_problem(start(buyer, {{"shop_id", clay_shop}}), 409, "recipient-deleted");
  expect_problem(reply(buyer, thread, "Hello?"), 409, "recipient-deleted");
  EXPECT_EQ(client().get(thread_url(thread), buyer.access_token).status, 200);  // still readable
  EXPECT_EQ(start(buyer, {{"shop_id", paper_shop}}).status, 201);  // another shop still listens
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM messages"), 2);
}

TEST_P(OrderMessagesApi, ConcurrentWritesMakeOneThreadAndADoubleSubmitOneMessage) {
  auto results = all_at_once([&] { return write(clay, "Shipping tomorrow"); });
  std::set<std::int64_t> threads;
  for (const auto& result : results) {
    ASSERT_EQ(result.status, 201) << result.body;
    threads.insert(result.json().at("conversation").at("id").as_int64());
  }
  EXPECT_EQ(threads.size(), 1u);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM messages"), kRacers);

  results = all_at_once([&] { return write(clay, "Shipped", "shipped-1"); });
  int created = 0;
  std::set<std::int64_t> ids;
  for (const auto& result : results) {
    ASSERT_TRUE(result.status == 201 || result.status == 200) << result.body;
    created += result.status == 201;
    ids.insert(result.json().at("message").at("id").as_int64());
  }
  EXPECT_EQ(created, 1);
  EXPECT_EQ(ids.size(), 1u);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM conversations"), 1);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM messages"), kRacers + 1);
  EXPECT_EQ(unread(buyer), kRacers + 1);
}

class MessageRateLimits : public MessagesApi {
 protected:
  void configure(Config& config) override {
    MessagesApi::configure(config);
    config.message_limit_per_user = 3;
    config.conversation_limit_per_user = 2;
  }
};
POCKETSHOP_API_TEST(MessageRateLimits);

TEST_P(MessageRateLimits, ASenderIsSlowedDown) {
  const auto id = thread_with_clay();
  EXPECT_EQ(reply(buyer, id, "two").status, 201);
  EXPECT_EQ(reply(buyer, id, "three").status, 201);
  const auto limited = reply(buyer, id, "four");
  expect_problem(limited, 429, "rate-limited");
  EXPECT_FALSE(limited.header("retry-after").empty());
  EXPECT_EQ(reply(clay, id, "The vendor has a budget of their own").status, 201);
  EXPECT_EQ(client().get(thread_url(id), buyer.access_token).json().at("messages").at("total"), 4);
}

TEST_P(MessageRateLimits, ABuyerStartsFewThreadsAnHour) {
  EXPECT_EQ(start(buyer, {{"shop_id", clay_shop}}).status, 201);
  EXPECT_EQ(start(buyer, {{"shop_id", paper_shop}}).status, 201);
  const auto limited = start(buyer, {{"shop_id", clay_shop}, {"product_id", mug}});
  expect_problem(limited, 429, "rate-limited");
  EXPECT_FALSE(limited.header("retry-after").empty());
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM conversations"), 2);
}

}  // namespace
}  // namespace ps::testing
