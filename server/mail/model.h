#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::mail {

// The shop a mail speaks for: its name and accent colour head the mail. The
// platform's own mails (welcome, password reset) keep the defaults.
struct Brand {
  std::string name = "PocketShop";
  std::string accent_color = "#2f6f4f";
};

// One "label: value" row of the mail's table: an item and its price, a total,
// an address line.
struct Line {
  std::string label;
  std::string value;
};

// The mail's one button (and, in the plain-text part, its link): a whole
// URL, or a path of the web app ("/orders/12") that the outbox makes whole
// with the public URL.
struct Action {
  std::string label;
  std::string url;
};

// A mail as a feature describes it. The mail feature lays it out (one layout
// for every mail: HTML and plain-text parts, the brand's name and colour) and
// keeps it in the outbox. Every text here is plain text: the layout escapes
// it. No field may carry card data.
struct NewMail {
  // What it is: "welcome", "password_reset", "order_placed", ...
  std::string kind;
  std::string to_address;
  std::optional<std::int64_t> to_user_id;
  Brand brand;
  std::string subject;
  std::string heading;
  std::vector<std::string> paragraphs;
  std::vector<Line> lines;
  std::optional<Action> action;
  // Transactional mails (receipts, password reset, verification) always go.
  // The others name the notification topic a user may turn off ("messages",
  // "review_invitations"); they carry a one-click unsubscribe, and are not
  // written at all when the recipient turned the topic off.
  std::string topic;  // empty: transactional
};

}  // namespace ps::mail
