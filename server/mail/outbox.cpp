#include "mail/outbox.h"

#include "core/clock.h"
#include "mail/store.h"

namespace ps::mail {

namespace {
// A first plain-text layout; the mail feature's own layout replaces it.
std::string plain_text(const NewMail& mail) {
  std::string text = mail.heading + "\n\n";
  for (const auto& paragraph : mail.paragraphs) text += paragraph + "\n\n";
  for (const auto& line : mail.lines) text += line.label + ": " + line.value + "\n";
  if (mail.action) text += "\n" + mail.action->label + ": " + mail.action->url + "\n";
  return text + "\n-- \n" + mail.brand.name + "\n";
}
}  // namespace

std::optional<std::int64_t> enqueue(db::Connection& sql, const NewMail& mail) {
  store::OutboxRow row{.kind = mail.kind,
                       .to_address = mail.to_address,
                       .subject = mail.subject,
                       .text_body = plain_text(mail),
                       .html_body = "",
                       .to_user_id = mail.to_user_id,
                       .created_at = now_millis()};
  return store::insert_mail(sql, row);
}

}  // namespace ps::mail
