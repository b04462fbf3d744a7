#pragma once

#include "db/query.h"
#include "messages/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ps::messages {

// SQL for conversations and messages; no business rules here.
namespace store {

// The shop a thread is with: its vendor and what its mails show.
struct ShopParty {
  std::int64_t owner_id = 0;
  std::string name;
  std::string accent_color;
};
std::optional<ShopParty> find_shop(db::Connection& sql, std::int64_t shop_id);
// The shop of a listed product (active, not archived); nullopt otherwise.
std::optional<std::int64_t> listed_product_shop(db::Connection& sql, std::int64_t product_id);
// The shop of an order of this buyer's; nullopt when it is someone else's.
std::optional<std::int64_t> buyers_order_shop(db::Connection& sql, std::int64_t order_id,
                                              std::int64_t buyer_id);

// The two parties of an order: its buyer, and its shop with the shop's vendor.
struct OrderParties {
  std::int64_t shop_id = 0;
  std::int64_t vendor_id = 0;
  std::int64_t buyer_id = 0;
};
std::optional<OrderParties> find_order_parties(db::Connection& sql, std::int64_t order_id);

// Whether the user deleted their account (nobody reads what is sent to it).
bool account_deleted(db::Connection& sql, std::int64_t user_id);

struct NewConversation {
  std::int64_t buyer_id = 0;
  std::int64_t shop_id = 0;
  std::int64_t vendor_id = 0;
  Subject subject;
  Millis now = 0;
};
// The thread of this buyer, shop and subject: inserted unless there is one
// (a concurrent start waits on the unique key and finds the winner's).
// Returns its id and whether this call created it.
std::pair<std::int64_t, bool> open_conversation(db::Connection& sql, const NewConversation& c);

// The thread if the viewer is one of its parties, as the viewer sees it.
std::optional<Conversation> find_for(db::Connection& sql, std::int64_t id, std::int64_t viewer_id);
std::vector<Conversation> list_for(db::Connection& sql, std::int64_t viewer_id,
                                   const PageRequest& page);
long long count_for(db::Connection& sql, std::int64_t viewer_id);
// The viewer's unread messages over all their threads.
long long unread_total(db::Connection& sql, std::int64_t viewer_id);

// Inserts a message; with a client key a message this sender already sent
// with it in this thread is kept instead. Returns the message's id and
// whether this call created it.
std::pair<std::int64_t, bool> insert_message(db::Connection& sql, std::int64_t conversation_id,
                                             std::int64_t sender_id, const std::string& body,
                                             const std::string& client_key, Millis now);
void add_images(db::Connection& sql, std::int64_t message_id,
                const std::vector<std::int64_t>& image_ids);
void set_last_message(db::Connection& sql, std::int64_t conversation_id, std::int64_t message_id,
                      Millis at);
std::optional<Message> find_message(db::Connection& sql, std::int64_t id);
std::vector<Message> messages_of(db::Connection& sql, std::int64_t conversation_id,
                                 const PageRequest& page);
long long count_messages(db::Connection& sql, std::int64_t conversation_id);
// (message id, image id) for the given messages, in each message's order.
std::vector<std::pair<std::int64_t, std::int64_t>> image_ids_of(
    db::Connection& sql, const std::vector<long long>& message_ids);
// Moves a party's read position forward to up_to (never back).
void mark_read(db::Connection& sql, std::int64_t conversation_id, Party party, std::int64_t up_to);

}  // namespace store

}  // namespace ps::messages
