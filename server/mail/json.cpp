#include "mail/json.h"

#include "core/clock.h"
#include "http/query_input.h"

#include <boost/json/array.hpp>

namespace ps::mail {

boost::json::object to_json(const Preferences& preferences) {
  boost::json::object json;
  for (const auto& [topic, enabled] : preferences) json[topic] = enabled;
  return json;
}

boost::json::object to_summary_json(const store::StoredMail& mail) {
  return {{"id", mail.id},
          {"to", mail.to_address},
          {"subject", mail.subject},
          {"kind", mail.kind},
          {"created_at", to_rfc3339(mail.created_at)}};
}

boost::json::object to_json(const store::StoredMail& mail) {
  auto json = to_summary_json(mail);
  json["message_id"] = mail.message_id;
  json["text"] = mail.text_body;
  json["html"] = mail.html_body;
  return json;
}

boost::json::object to_json(const MailboxPage& page, const PageRequest& request) {
  boost::json::array items;
  for (const auto& mail : page.items) items.push_back(to_summary_json(mail));
  auto json = http::page_json(request, page.total);
  json["items"] = std::move(items);
  return json;
}

}  // namespace ps::mail
