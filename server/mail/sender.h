#pragma once

#include "db/database.h"
#include "jobs/queue.h"
#include "mail/store.h"

#include <filesystem>
#include <string>

namespace ps::mail {

// Where mails go. With no SMTP URL (the default, `make run`), each mail is
// written as <mail_dir>/<id>-<kind>.eml for the development mailbox.
struct Delivery {
  std::string smtp_url;  // smtp://host:587 (STARTTLS) or smtps://host:465; empty: files
  std::string smtp_user;
  std::string smtp_password;  // never logged
  std::string smtp_ca_file;   // trust this CA (tests, private relays); empty: the system's
  // smtp:// only: "required" refuses a server that does not offer STARTTLS;
  // "off" talks plain SMTP (a relay on localhost).
  std::string smtp_starttls = "required";
  std::string from;  // the envelope sender is its address
  std::filesystem::path mail_dir;
  int smtp_timeout_ms = 60000;

  bool uses_smtp() const { return !smtp_url.empty(); }
};

// The "mail.send" job's handler. Delivers the stored message's bytes as they
// are, outside any transaction; the effects mark the mail sent. A mail
// already sent is not delivered again. A failure (the server refused, the
// password was wrong, it timed out) throws, and the queue retries it with
// backoff. A worker killed after the server took the mail but before the
// commit sends it again on retry with the same Message-ID: at least once,
// never lost.
class MailSender {
 public:
  MailSender(db::Database& database, Delivery delivery);

  const Delivery& delivery() const { return delivery_; }
  jobs::JobEffects handle_job(const jobs::Job& job);

  // The file a mail is (or will be) written to.
  std::filesystem::path eml_path(std::int64_t id, const std::string& kind) const;

 private:
  void send_smtp(const store::StoredMail& mail) const;
  void write_file(const store::StoredMail& mail) const;

  db::Database& database_;
  Delivery delivery_;
};

}  // namespace ps::mail
