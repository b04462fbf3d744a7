#pragma once

#include "mail/model.h"

#include <optional>
#include <string>

namespace ps::mail {

// The two parts of a mail, laid out from its structured content.
struct Layout {
  std::string text;
  std::string html;
};

// One layout for every mail: the brand's name on a bar of its accent colour,
// the heading, the paragraphs, the lines as a table, the action as a button
// (its URL also written out), and a footer that says why the mail came, with
// the unsubscribe link when there is one. Every text is escaped.
Layout lay_out(const NewMail& mail, const std::optional<std::string>& unsubscribe_url);

// The brand's colour when it is #rgb or #rrggbb, else the default: it goes
// into CSS, so nothing else may pass.
std::string safe_color(const std::string& color);

}  // namespace ps::mail
