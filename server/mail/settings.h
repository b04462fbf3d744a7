#pragma once

#include <string>

namespace ps::mail {

// What composing a mail needs from the configuration. mail::enqueue(sql,
// NewMail) is called deep inside features' transactions, which hold no
// Config, so the Application sets these once at start for the process
// (instances in one process share one deployment's settings).
struct Settings {
  // The From mailbox, "Name <address>" or a bare address.
  std::string from = "PocketShop <no-reply@pocketshop.localhost>";
  // Where links in mails point: the web app's origin, no trailing slash.
  std::string public_url = "http://127.0.0.1:8080";
  // Signs unsubscribe tokens (the deployment's JWT secret).
  std::string unsubscribe_secret;
};

void configure(Settings settings);
Settings settings();

}  // namespace ps::mail
