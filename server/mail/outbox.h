#pragma once

#include "db/connection.h"
#include "mail/model.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace ps::mail {

// The job that delivers one mail (sender.h), payload {"mail_id": N}.
inline constexpr std::string_view kSendJob = "mail.send";

// Writes a mail to the outbox inside the caller's transaction, so that the
// mail exists if and only if the event that causes it commits: lays it out,
// composes the whole message (settings.h) and enqueues the job that delivers
// it (SMTP, or .eml files in development). Returns the mail's id, or nullopt
// when it is not written (a topic the recipient turned off).
std::optional<std::int64_t> enqueue(db::Connection& sql, const NewMail& mail);

}  // namespace ps::mail
