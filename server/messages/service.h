#pragma once

#include "core/errors.h"
#include "db/database.h"
#include "jobs/queue.h"
#include "media/service.h"
#include "messages/store.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace ps::messages {

// The job that mails a message's recipient when it is still unread after
// the delay (MessagesOptions::mail_delay).
inline constexpr std::string_view kMessageMailJob = "message_mail";

struct MessagesOptions {
  std::chrono::milliseconds mail_delay{std::chrono::minutes(5)};
};

// Conversations between a buyer and a shop's vendor. Only the two parties
// see a thread: to anyone else it answers 404, as if it did not exist. Each
// new message notifies the recipient in the app at once, and by mail when
// they have not read it by mail_delay later (a durable job).
// Blocking: call from the WorkerPool.
class MessagesService {
 public:
  MessagesService(db::Database& database, media::MediaService& media, MessagesOptions options)
      : database_(database), media_(media), options_(std::move(options)) {}

  // Writes to a shop about a subject, in the thread of that buyer, shop and
  // subject (created by the first message).
  Sent start(std::int64_t buyer_id, std::int64_t shop_id, const Subject& subject,
             const NewMessage& message);
  // Writes about an order to its other party (its buyer to the shop, the
  // shop's vendor to the buyer), in the order's one thread: the one "Ask
  // about this order" opens. ApiError 404 to anyone else, as for an order
  // that does not exist; 409 when the other party has deleted their account.
  Sent write_about_order(std::int64_t sender_id, std::int64_t order_id, const NewMessage& message);
  Sent reply(std::int64_t sender_id, std::int64_t conversation_id, const NewMessage& message);
  ConversationPage list(std::int64_t viewer_id, const PageRequest& page);
  Thread thread(std::int64_t viewer_id, std::int64_t conversation_id, const PageRequest& page);
  // Marks the thread read up to a message (nullopt: its last one).
  Conversation mark_read(std::int64_t viewer_id, std::int64_t conversation_id,
                         std::optional<std::int64_t> up_to);
  long long unread_total(std::int64_t viewer_id);

  // kMessageMailJob's handler.
  jobs::JobEffects handle_mail_job(const jobs::Job& job);

 private:
  Sent post(db::Connection& sql, const Conversation& conversation, std::int64_t sender_id,
            const NewMessage& message);
  void attach_images(db::Connection& sql, std::vector<Message>& messages) const;
  void mail_if_unread(db::Connection& sql, std::int64_t message_id);

  db::Database& database_;
  media::MediaService& media_;
  MessagesOptions options_;
};

}  // namespace ps::messages
