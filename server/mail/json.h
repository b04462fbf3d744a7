#pragma once

#include "core/page.h"
#include "mail/service.h"

#include <boost/json/object.hpp>

namespace ps::mail {

boost::json::object to_json(const Preferences& preferences);
// A mailbox entry: id, to, subject, kind, created_at (RFC 3339).
boost::json::object to_summary_json(const store::StoredMail& mail);
// An entry with its parts: text and html.
boost::json::object to_json(const store::StoredMail& mail);
boost::json::object to_json(const MailboxPage& page, const PageRequest& request);

}  // namespace ps::mail
