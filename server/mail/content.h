#pragma once

#include "mail/model.h"

#include <string>
#include <string_view>

namespace ps::mail {

// What the outbox keeps of a mail until it is sent: its structured content
// (brand, heading, paragraphs, lines, action, topic) as JSON. The kind, the
// recipient and the subject have columns of their own. Laying the mail out
// and composing the message wait for delivery, outside the transaction that
// wrote the mail.
std::string content_text(const NewMail& mail);

// The mail that content_text wrote, with the columns' fields left for the
// caller to fill. Throws std::invalid_argument when the text is not content.
NewMail mail_of_content(std::string_view text);

}  // namespace ps::mail
