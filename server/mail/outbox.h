#pragma once

#include "db/connection.h"
#include "mail/model.h"
#include "mail/store.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace ps::mail {

// The job that delivers one mail (sender.h), payload {"mail_id": N}.
inline constexpr std::string_view kSendJob = "mail.send";

// Writes a mail to the outbox inside the caller's transaction, so that the
// mail exists if and only if the event that causes it commits: keeps its
// content (content.h) and enqueues the job that delivers it (SMTP, or .eml
// files in development). Laying it out and composing the message wait for
// that job: the event's transaction stays short. Returns the mail's id, or
// nullopt when it is not written (a topic the recipient turned off).
std::optional<std::int64_t> enqueue(db::Connection& sql, const NewMail& mail);

// The mail with its parts laid out and its message composed, from its
// content and today's settings (settings.h). Deterministic: the Date and the
// Message-ID come from the row and the boundary from its id, so a retry
// sends the same bytes. A mail written before content existed is returned as
// it was stored.
store::StoredMail composed(store::StoredMail mail);

// find_mail, composed.
std::optional<store::StoredMail> find_composed(db::Connection& sql, std::int64_t id);

}  // namespace ps::mail
