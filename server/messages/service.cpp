#include "messages/service.h"

#include "core/text.h"
#include "mail/model.h"
#include "notifications/service.h"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace ps::messages {

namespace {
constexpr std::size_t kNotificationExcerpt = 140;
constexpr std::size_t kMailExcerpt = 500;

ApiError conversation_not_found() { return ApiError::not_found("There is no such conversation."); }

std::int64_t recipient_of(const Conversation& conversation, std::int64_t sender_id) {
  return sender_id == conversation.buyer_id ? conversation.vendor_id : conversation.buyer_id;
}

// Nobody writes to a deleted account: a shop's vendor who left closed the shop.
void check_recipient(db::Connection& sql, std::int64_t recipient_id, bool recipient_is_vendor) {
  if (!store::account_deleted(sql, recipient_id)) return;
  throw ApiError(ErrorCode::recipient_deleted,
                 recipient_is_vendor ? "This shop has closed: its vendor deleted their account."
                                     : "This buyer has deleted their account: there is no one to "
                                       "write to.");
}

// How the sender is named to the recipient: a vendor speaks as the shop.
std::string sender_label(const Conversation& conversation, std::int64_t sender_id) {
  return sender_id == conversation.buyer_id ? conversation.buyer_name : conversation.shop_name;
}

std::int64_t read_position(const Conversation& conversation, std::int64_t user_id) {
  return user_id == conversation.buyer_id ? conversation.buyer_read_id
                                          : conversation.vendor_read_id;
}

Party party_of(const Conversation& conversation, std::int64_t user_id) {
  return user_id == conversation.buyer_id ? Party::buyer : Party::vendor;
}

// The sender's own uploads, each once; ApiError 404/403 for another's.
void check_images(db::Connection& sql, const media::MediaService& media, std::int64_t sender_id,
                  const std::vector<std::int64_t>& image_ids) {
  std::set<std::int64_t> seen;
  for (const auto id : image_ids) {
    if (!seen.insert(id).second)
      throw ApiError::validation({{"image_ids", {"must not name an image twice"}}});
    media.owned_image(sql, id, sender_id);
  }
}

void check_subject(db::Connection& sql, std::int64_t buyer_id, std::int64_t shop_id,
                   const Subject& subject) {
  if (subject.order_id && store::buyers_order_shop(sql, *subject.order_id, buyer_id) != shop_id)
    throw ApiError::validation({{"order_id", {"is not one of your orders from this shop"}}});
  if (subject.product_id && store::listed_product_shop(sql, *subject.product_id) != shop_id)
    throw ApiError::validation({{"product_id", {"is not a product of this shop"}}});
}
}  // namespace

Sent MessagesService::start(std::int64_t buyer_id, std::int64_t shop_id, const Subject& subject,
                            const NewMessage& message) {
  return database_.transaction([&](db::Connection& sql) {
    const auto shop = store::find_shop(sql, shop_id);
    if (!shop) throw ApiError::not_found("There is no such shop.");
    if (shop->owner_id == buyer_id)
      throw ApiError::forbidden("You cannot start a conversation with your own shop.");
    check_recipient(sql, shop->owner_id, true);
    check_subject(sql, buyer_id, shop_id, subject);
    check_images(sql, media_, buyer_id, message.image_ids);
    const auto [id, created] = store::open_conversation(sql, {.buyer_id = buyer_id,
                                                              .shop_id = shop_id,
                                                              .vendor_id = shop->owner_id,
                                                              .subject = subject,
                                                              .now = now_millis()});
    return post(sql, store::find_for(sql, id, buyer_id).value(), buyer_id, message);
  });
}

Sent MessagesService::write_about_order(std::int64_t sender_id, std::int64_t order_id,
                                        const NewMessage& message) {
  return database_.transaction([&](db::Connection& sql) {
    const auto order = store::find_order_parties(sql, order_id);
    if (!order || (sender_id != order->buyer_id && sender_id != order->vendor_id))
      throw ApiError::not_found("There is no order " + std::to_string(order_id) + ".");
    const bool from_buyer = sender_id == order->buyer_id;
    check_recipient(sql, from_buyer ? order->vendor_id : order->buyer_id, from_buyer);
    check_images(sql, media_, sender_id, message.image_ids);
    const auto [id, created] = store::open_conversation(sql, {.buyer_id = order->buyer_id,
                                                              .shop_id = order->shop_id,
                                                              .vendor_id = order->vendor_id,
                                                              .subject = {.order_id = order_id},
                                                              .now = now_millis()});
    return post(sql, store::find_for(sql, id, sender_id).value(), sender_id, message);
  });
}

Sent MessagesService::reply(std::int64_t sender_id, std::int64_t conversation_id,
                            const NewMessage& message) {
  return database_.transaction([&](db::Connection& sql) {
    const auto conversation = store::find_for(sql, conversation_id, sender_id);
    if (!conversation) throw conversation_not_found();
    check_recipient(sql, recipient_of(*conversation, sender_id),
                    sender_id == conversation->buyer_id);
    check_images(sql, media_, sender_id, message.image_ids);
    return post(sql, *conversation, sender_id, message);
  });
}

// Writes the message (or finds the one its client key already wrote) and,
// for a new one, tells the recipient: in the app now, by mail later unless
// they read it first. All in the caller's transaction.
Sent MessagesService::post(db::Connection& sql, const Conversation& conversation,
                           std::int64_t sender_id, const NewMessage& message) {
  const auto now = now_millis();
  const auto [message_id, created] =
      store::insert_message(sql, conversation.id, sender_id, message.body, message.client_key, now);
  if (created) {
    store::add_images(sql, message_id, message.image_ids);
    store::set_last_message(sql, conversation.id, message_id, now);
    // Writing in a thread reads what came before.
    store::mark_read(sql, conversation.id, party_of(conversation, sender_id), message_id);
    notifications::notify(sql,
                          {.user_id = recipient_of(conversation, sender_id),
                           .kind = "new_message",
                           .title = "New message from " + sender_label(conversation, sender_id),
                           .body = text::excerpt(message.body, kNotificationExcerpt),
                           .link = "/messages/" + std::to_string(conversation.id)});
    jobs::enqueue(
        sql, {.kind = std::string(kMessageMailJob),
              .payload = boost::json::serialize(boost::json::object{{"message_id", message_id}}),
              .dedupe_key = "message_mail:" + std::to_string(message_id),
              .run_at = now + options_.mail_delay.count()});
  }
  std::vector<Message> sent{store::find_message(sql, message_id).value()};
  attach_images(sql, sent);
  return {store::find_for(sql, conversation.id, sender_id).value(), std::move(sent.front()),
          created};
}

void MessagesService::attach_images(db::Connection& sql, std::vector<Message>& messages) const {
  std::vector<long long> message_ids;
  for (const auto& message : messages) message_ids.push_back(message.id);
  const auto pairs = store::image_ids_of(sql, message_ids);
  if (pairs.empty()) return;
  std::vector<std::int64_t> image_ids;
  for (const auto& pair : pairs) image_ids.push_back(pair.second);
  std::map<std::int64_t, media::Image> images;
  for (auto& image : media_.find_many(sql, image_ids)) images.emplace(image.id, std::move(image));
  std::map<std::int64_t, std::vector<media::Image>> by_message;
  for (const auto& [message_id, image_id] : pairs)
    if (auto it = images.find(image_id); it != images.end())
      by_message[message_id].push_back(it->second);
  for (auto& message : messages)
    if (auto it = by_message.find(message.id); it != by_message.end())
      message.images = std::move(it->second);
}

ConversationPage MessagesService::list(std::int64_t viewer_id, const PageRequest& page) {
  return database_.with_session([&](db::Connection& sql) {
    return ConversationPage{store::list_for(sql, viewer_id, page),
                            store::count_for(sql, viewer_id)};
  });
}

Thread MessagesService::thread(std::int64_t viewer_id, std::int64_t conversation_id,
                               const PageRequest& page) {
  return database_.with_session([&](db::Connection& sql) {
    auto conversation = store::find_for(sql, conversation_id, viewer_id);
    if (!conversation) throw conversation_not_found();
    auto messages = store::messages_of(sql, conversation_id, page);
    attach_images(sql, messages);
    return Thread{std::move(*conversation),
                  {std::move(messages), store::count_messages(sql, conversation_id)}};
  });
}

Conversation MessagesService::mark_read(std::int64_t viewer_id, std::int64_t conversation_id,
                                        std::optional<std::int64_t> up_to) {
  return database_.transaction([&](db::Connection& sql) {
    const auto conversation = store::find_for(sql, conversation_id, viewer_id);
    if (!conversation) throw conversation_not_found();
    std::int64_t position = conversation->last_message ? conversation->last_message->id : 0;
    if (up_to) {
      const auto message = store::find_message(sql, *up_to);
      if (!message || message->conversation_id != conversation_id)
        throw ApiError::validation({{"message_id", {"is not a message of this conversation"}}});
      position = *up_to;
    }
    store::mark_read(sql, conversation_id, conversation->viewer, position);
    return store::find_for(sql, conversation_id, viewer_id).value();
  });
}

long long MessagesService::unread_total(std::int64_t viewer_id) {
  return database_.with_session(
      [&](db::Connection& sql) { return store::unread_total(sql, viewer_id); });
}

jobs::JobEffects MessagesService::handle_mail_job(const jobs::Job& job) {
  const auto payload = boost::json::parse(job.payload).as_object();
  const auto message_id = payload.at("message_id").to_number<std::int64_t>();
  return [this, message_id](db::Connection& sql) { mail_if_unread(sql, message_id); };
}

// In the transaction that marks the job done, so that a read that commits
// first is seen, and the mail is written once.
void MessagesService::mail_if_unread(db::Connection& sql, std::int64_t message_id) {
  const auto message = store::find_message(sql, message_id);
  if (!message) return;  // the thread is gone (an account was deleted)
  const auto conversation = store::find_for(sql, message->conversation_id, message->sender_id);
  if (!conversation) return;
  const auto recipient = recipient_of(*conversation, message->sender_id);
  if (read_position(*conversation, recipient) >= message_id) return;
  const auto sender = sender_label(*conversation, message->sender_id);
  std::vector<std::string> paragraphs{sender + " wrote:",
                                      text::excerpt(message->body, kMailExcerpt)};
  if (!conversation->product_name.empty())
    paragraphs.insert(paragraphs.begin(), "About " + conversation->product_name + ".");
  else if (conversation->order_id)
    paragraphs.insert(paragraphs.begin(),
                      "About order #" + std::to_string(*conversation->order_id) + ".");
  mail::NewMail mail;
  mail.kind = "new_message";
  mail.brand = {.name = conversation->shop_name, .accent_color = conversation->shop_accent_color};
  mail.subject = "New message from " + sender;
  mail.heading = "You have a new message";
  mail.paragraphs = std::move(paragraphs);
  mail.action = mail::Action{"Reply", "/messages/" + std::to_string(conversation->id)};
  mail.topic = "messages";
  notifications::tell(sql, recipient, std::nullopt, std::move(mail));
}

}  // namespace ps::messages
