#include "messages/json.h"

#include "http/query_input.h"
#include "media/json.h"

#include <boost/json.hpp>

namespace ps::messages {

namespace {
boost::json::value nullable(const std::optional<std::int64_t>& id) {
  return id ? boost::json::value(*id) : boost::json::value(nullptr);
}

std::string_view party_name(Party party) { return party == Party::buyer ? "buyer" : "vendor"; }
}  // namespace

boost::json::object to_json(const Message& m, const Conversation& conversation) {
  boost::json::array images;
  for (const auto& image : m.images) images.push_back(media::to_json(image));
  const auto from = m.sender_id == conversation.buyer_id ? Party::buyer : Party::vendor;
  return {{"id", m.id},
          {"conversation_id", m.conversation_id},
          {"sender", {{"id", m.sender_id}, {"display_name", m.sender_name}}},
          {"from", party_name(from)},
          {"mine", from == conversation.viewer},
          {"body", m.body},
          {"images", std::move(images)},
          {"created_at", to_rfc3339(m.created_at)}};
}

boost::json::object to_json(const Conversation& c) {
  boost::json::value product = nullptr;
  if (c.product_id) product = {{"id", *c.product_id}, {"name", c.product_name}};
  boost::json::value last = nullptr;
  if (c.last_message) last = to_json(*c.last_message, c);
  const auto read_up_to = c.viewer == Party::buyer ? c.buyer_read_id : c.vendor_read_id;
  const auto other_read_up_to = c.viewer == Party::buyer ? c.vendor_read_id : c.buyer_read_id;
  return {{"id", c.id},
          {"role", party_name(c.viewer)},
          {"shop",
           {{"id", c.shop_id},
            {"name", c.shop_name},
            {"slug", c.shop_slug},
            {"accent_color", c.shop_accent_color}}},
          {"buyer", {{"id", c.buyer_id}, {"display_name", c.buyer_name}}},
          {"product", std::move(product)},
          {"order_id", nullable(c.order_id)},
          {"unread", c.unread},
          {"read_up_to", read_up_to},
          {"other_read_up_to", other_read_up_to},
          {"last_message", std::move(last)},
          {"last_message_at", to_rfc3339(c.last_message_at)},
          {"created_at", to_rfc3339(c.created_at)}};
}

boost::json::object to_json(const ConversationPage& page, const PageRequest& request) {
  boost::json::array items;
  for (const auto& conversation : page.items) items.push_back(to_json(conversation));
  auto json = http::page_json(request, page.total);
  json["items"] = std::move(items);
  return json;
}

boost::json::object to_json(const Thread& thread, const PageRequest& request) {
  boost::json::array items;
  for (const auto& message : thread.messages.items)
    items.push_back(to_json(message, thread.conversation));
  auto messages = http::page_json(request, thread.messages.total);
  messages["items"] = std::move(items);
  auto json = to_json(thread.conversation);
  json["messages"] = std::move(messages);
  return json;
}

boost::json::object to_json(const Sent& sent) {
  return {{"conversation", to_json(sent.conversation)},
          {"message", to_json(sent.message, sent.conversation)}};
}

}  // namespace ps::messages
