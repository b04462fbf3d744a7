#pragma once

// Conversations between a buyer and a shop, as plain data.

#include "core/clock.h"
#include "core/page.h"
#include "media/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::messages {

// At most this many images on one message.
inline constexpr std::size_t kMaxImagesPerMessage = 4;
// A message's body: 1..kMaxBodyLength characters after trimming.
inline constexpr std::size_t kMaxBodyLength = 4000;

// Which side of a thread a user is on.
enum class Party { buyer, vendor };

struct Message {
  std::int64_t id = 0;
  std::int64_t conversation_id = 0;
  std::int64_t sender_id = 0;
  std::string sender_name;  // read-only
  std::string body;
  std::vector<media::Image> images;  // in the order they were sent
  Millis created_at = 0;
};

// A thread as its lists show it, seen by one of its parties.
struct Conversation {
  std::int64_t id = 0;
  std::int64_t buyer_id = 0;
  std::string buyer_name;
  std::int64_t shop_id = 0;
  std::string shop_name;
  std::string shop_slug;
  std::string shop_accent_color;
  std::int64_t vendor_id = 0;
  std::optional<std::int64_t> product_id;
  std::string product_name;  // empty without a product
  std::optional<std::int64_t> order_id;
  Millis created_at = 0;
  Millis last_message_at = 0;
  std::int64_t buyer_read_id = 0;
  std::int64_t vendor_read_id = 0;
  std::optional<Message> last_message;  // without images
  long long unread = 0;                 // the viewer's unread messages in it
  Party viewer = Party::buyer;
};

// What a buyer asks about when starting a thread: an order of theirs, a
// product, or neither (a general question to the shop).
struct Subject {
  std::optional<std::int64_t> product_id;
  std::optional<std::int64_t> order_id;
  // The key of the one thread per buyer, shop and subject.
  std::string key() const;
};

struct NewMessage {
  std::string body;
  std::vector<std::int64_t> image_ids;
  std::string client_key;  // Idempotency-Key; empty: none
};

struct ConversationPage {
  std::vector<Conversation> items;
  long long total = 0;
};

struct MessagePage {
  std::vector<Message> items;  // newest first
  long long total = 0;
};

// A thread with one page of its messages.
struct Thread {
  Conversation conversation;
  MessagePage messages;
};

// A message written, or found again for a retry with the same client key.
struct Sent {
  Conversation conversation;
  Message message;
  bool created = false;
};

// Why a message body is refused, or empty when it is fine: blank, longer
// than kMaxBodyLength characters, or with control characters other than
// line breaks and tabs.
std::string body_problem(const std::string& trimmed_body);

}  // namespace ps::messages
