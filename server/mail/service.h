#pragma once

#include "core/page.h"
#include "db/database.h"
#include "mail/sender.h"
#include "mail/store.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ps::mail {

struct MailboxPage {
  std::vector<store::StoredMail> items;
  long long total = 0;
};

// Each topic and whether its mails go to the user.
using Preferences = std::map<std::string, bool>;

// What the mail routes ask: one-click unsubscribe, notification preferences,
// and the development mailbox (the outbox, when mails go to files).
class MailService {
 public:
  // dev_mailbox: whether the development mailbox is asked for (--dev-mailbox).
  MailService(db::Database& database, const MailSender& sender, std::string unsubscribe_secret,
              bool dev_mailbox);

  // Turns the token's topic off for its user; false when the token is not
  // valid (malformed, forged, or its user is gone).
  bool unsubscribe(const std::string& token);

  Preferences preferences(std::int64_t user_id);
  // Sets the topics named (the others stay as they are); every name is a
  // topic (the routes check). Returns them all.
  Preferences set_preferences(std::int64_t user_id, const Preferences& changes);

  // The development mailbox exists only when asked for, and only while mails
  // go to files: it shows every mail, password reset links included.
  // Deletes the mails sent before `before`: a sent mail keeps names and
  // addresses (a vendor's new-order mail has the buyer's), which are not
  // kept longer than the retention period (--retention-days). Returns how
  // many.
  long long purge_sent(Millis before);

  bool has_mailbox() const { return dev_mailbox_ && !sender_.delivery().uses_smtp(); }
  MailboxPage mailbox(const PageRequest& page);
  std::optional<store::StoredMail> mailbox_mail(std::int64_t id);

 private:
  db::Database& database_;
  const MailSender& sender_;
  bool dev_mailbox_ = false;
  std::string unsubscribe_secret_;
};

}  // namespace ps::mail
