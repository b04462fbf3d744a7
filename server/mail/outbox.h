#pragma once

#include "db/connection.h"
#include "mail/model.h"

#include <cstdint>
#include <optional>

namespace ps::mail {

// Writes a mail to the outbox inside the caller's transaction, so that the
// mail exists if and only if the event that causes it commits. The sender
// delivers it later (SMTP, or .eml files in development). Returns the mail's
// id, or nullopt when it is not written (a topic the recipient turned off).
std::optional<std::int64_t> enqueue(db::Connection& sql, const NewMail& mail);

}  // namespace ps::mail
