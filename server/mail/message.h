#pragma once

#include "core/clock.h"

#include <optional>
#include <string>

namespace ps::mail {

// What goes into one RFC 5322 message.
struct MessageParts {
  std::string message_id;  // without the angle brackets
  std::string from;        // "Name <address>" or an address
  std::string to;
  std::string subject;
  Millis date = 0;
  std::string text;
  std::string html;
  std::optional<std::string> unsubscribe_url;  // List-Unsubscribe, one click (RFC 8058)
  // The multipart boundary: letters, digits and "=_-." only, at most 70, and
  // starting with "=_" (which quoted-printable text can never contain). Empty:
  // GMime picks a random one.
  std::string boundary;
};

// The whole message, with CRLF line ends, as SMTP carries it: headers (the
// subject as encoded words when it is not ASCII), then multipart/alternative
// with the text and the HTML part, both UTF-8, quoted-printable. Composed by
// GMime.
std::string compose_message(const MessageParts& parts);

// The address of a mailbox ("Shop <a@b.c>" -> "a@b.c"); nullopt when it is
// not one mailbox.
std::optional<std::string> mailbox_address(const std::string& mailbox);

// The domain of a mailbox's address, for Message-IDs ("localhost" if none).
std::string mailbox_domain(const std::string& mailbox);

}  // namespace ps::mail
