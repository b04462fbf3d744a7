#include "mail/outbox.h"

#include "core/clock.h"
#include "jobs/queue.h"
#include "mail/content.h"
#include "mail/layout.h"
#include "mail/message.h"
#include "mail/settings.h"
#include "mail/store.h"
#include "mail/unsubscribe.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace ps::mail {

namespace {
struct Unsubscribe {
  std::string one_click;  // List-Unsubscribe: the API, POSTed to by mail clients (RFC 8058)
  std::string page;       // the footer's link: the web page that asks, then POSTs
};

std::optional<Unsubscribe> unsubscribe_of(const Settings& settings, const NewMail& mail) {
  if (mail.topic.empty() || !mail.to_user_id) return std::nullopt;
  const std::string token =
      unsubscribe_token(settings.unsubscribe_secret, *mail.to_user_id, mail.topic);
  return Unsubscribe{settings.public_url + "/api/mail/unsubscribe?token=" + token,
                     settings.public_url + "/unsubscribe?token=" + token};
}

// Stable per mail: a resend carries the same Message-ID, so a receiver (and
// the tests) can tell a repeat from a new mail.
std::string message_id_of(std::int64_t id, Millis created_at, const Settings& settings) {
  return "mail-" + std::to_string(id) + "." + std::to_string(created_at) + "@" +
         mailbox_domain(settings.from);
}
// Features link to paths of the web app ("/orders/12"); a mail needs the
// whole address.
NewMail with_absolute_links(NewMail mail, const Settings& settings) {
  if (mail.action && mail.action->url.starts_with('/'))
    mail.action->url = settings.public_url + mail.action->url;
  return mail;
}
}  // namespace

std::optional<std::int64_t> enqueue(db::Connection& sql, const NewMail& mail) {
  if (!mail.topic.empty() && mail.to_user_id &&
      store::topic_turned_off(sql, *mail.to_user_id, mail.topic))
    return std::nullopt;
  const auto id = store::insert_mail(sql, {.kind = mail.kind,
                                           .to_address = mail.to_address,
                                           .subject = mail.subject,
                                           .content = content_text(mail),
                                           .to_user_id = mail.to_user_id,
                                           .created_at = now_millis()});
  jobs::enqueue(sql, {.kind = std::string(kSendJob),
                      .payload = boost::json::serialize(boost::json::object{{"mail_id", id}}),
                      .max_attempts = 12});
  return id;
}

store::StoredMail composed(store::StoredMail stored) {
  if (stored.content.empty()) return stored;
  NewMail mail = mail_of_content(stored.content);
  mail.kind = stored.kind;
  mail.to_address = stored.to_address;
  mail.to_user_id = stored.to_user_id;
  mail.subject = stored.subject;
  const Settings settings = mail::settings();
  const auto unsubscribe = unsubscribe_of(settings, mail);
  const Layout layout = lay_out(with_absolute_links(std::move(mail), settings),
                                unsubscribe ? std::optional(unsubscribe->page) : std::nullopt);
  stored.text_body = layout.text;
  stored.html_body = layout.html;
  stored.message_id = message_id_of(stored.id, stored.created_at, settings);
  stored.raw_message = compose_message(
      {.message_id = stored.message_id,
       .from = settings.from,
       .to = stored.to_address,
       .subject = stored.subject,
       .date = stored.created_at,
       .text = stored.text_body,
       .html = stored.html_body,
       .unsubscribe_url = unsubscribe ? std::optional(unsubscribe->one_click) : std::nullopt,
       .boundary =
           "=_mail-" + std::to_string(stored.id) + "-" + std::to_string(stored.created_at)});
  return stored;
}

std::optional<store::StoredMail> find_composed(db::Connection& sql, std::int64_t id) {
  auto mail = store::find_mail(sql, id);
  if (!mail) return std::nullopt;
  return composed(std::move(*mail));
}

}  // namespace ps::mail
