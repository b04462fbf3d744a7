#include "mail/sender.h"

#include "core/random.h"
#include "mail/message.h"
#include "mail/outbox.h"

#include <curl/curl.h>
#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>

#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

namespace ps::mail {

namespace {
namespace fs = std::filesystem;

struct CurlRelease {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListRelease {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// The message's bytes, handed to curl as it asks for them.
struct Upload {
  const std::string& data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto& upload = *static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload.data.size() - upload.offset);
  std::memcpy(buffer, upload.data.data() + upload.offset, n);
  upload.offset += n;
  return n;
}

// A kind as part of a file name: letters, digits, '-' and '_' only.
std::string file_safe(const std::string& kind) {
  std::string safe;
  for (const char c : kind)
    safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
  return safe.empty() ? "mail" : safe.substr(0, 64);
}

void write_durably(const fs::path& path, const std::string& data) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create " + path.string());
  std::size_t written = 0;
  while (written < data.size()) {
    const auto n = ::write(fd, data.data() + written, data.size() - written);
    if (n <= 0) {
      ::close(fd);
      throw std::runtime_error("cannot write " + path.string());
    }
    written += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) throw std::runtime_error("cannot sync " + path.string());
}

// libcurl keeps a handle's connection after a transfer and sends the next
// mail over it (RSET, MAIL FROM...) when the URL and credentials match: one
// TCP, STARTTLS and AUTH handshake per worker thread instead of per mail. A
// handle whose transfer failed is dropped with its connection.
struct ThreadSmtpHandle {
  const void* sender = nullptr;
  std::unique_ptr<CURL, CurlRelease> curl;
};
thread_local ThreadSmtpHandle thread_smtp_handle;

CURL* smtp_handle_for(const void* sender) {
  auto& cached = thread_smtp_handle;
  if (cached.curl && cached.sender == sender) {
    curl_easy_reset(cached.curl.get());  // the options go; the connection stays
  } else {
    cached.curl.reset(curl_easy_init());
    cached.sender = sender;
  }
  if (!cached.curl) throw std::runtime_error("curl_easy_init failed");
  return cached.curl.get();
}

void drop_smtp_handle() { thread_smtp_handle.curl.reset(); }

std::int64_t mail_id_of(const jobs::Job& job) {
  return boost::json::parse(job.payload).as_object().at("mail_id").to_number<std::int64_t>();
}
}  // namespace

MailSender::MailSender(db::Database& database, Delivery delivery)
    : database_(database), delivery_(std::move(delivery)) {}

fs::path MailSender::eml_path(std::int64_t id, const std::string& kind) const {
  return delivery_.mail_dir / (std::to_string(id) + "-" + file_safe(kind) + ".eml");
}

jobs::JobEffects MailSender::handle_job(const jobs::Job& job) {
  const std::int64_t id = mail_id_of(job);
  auto stored =
      database_.with_session([&](db::Connection& sql) { return store::find_mail(sql, id); });
  if (!stored || stored->status == "sent") return {};
  const auto mail = composed(std::move(*stored));
  if (delivery_.uses_smtp())
    send_smtp(mail);
  else
    write_file(mail);
  return [id](db::Connection& sql) { store::mark_sent(sql, id, now_millis()); };
}

// A new file under a temporary name, then renamed: a reader (the development
// mailbox) or a restart never sees half a message, and a rewrite after a
// retry leaves the same bytes.
void MailSender::write_file(const store::StoredMail& mail) const {
  fs::create_directories(delivery_.mail_dir);
  const fs::path target = eml_path(mail.id, mail.kind);
  fs::path temporary = target;
  temporary += ".tmp-" + random_hex(8);
  write_durably(temporary, mail.raw_message);
  fs::rename(temporary, target);
}

void MailSender::send_smtp(const store::StoredMail& mail) const {
  static std::once_flag global_init;
  std::call_once(global_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* c = smtp_handle_for(this);
  const auto sender = mailbox_address(delivery_.from);
  if (!sender) throw std::runtime_error("mail: the From setting is not one mailbox");
  std::unique_ptr<curl_slist, ListRelease> recipients(
      curl_slist_append(nullptr, ("<" + mail.to_address + ">").c_str()));
  Upload upload{mail.raw_message};
  char error[CURL_ERROR_SIZE] = "";
  curl_easy_setopt(c, CURLOPT_URL, delivery_.smtp_url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  if (delivery_.smtp_url.starts_with("smtp://") && delivery_.smtp_starttls != "off")
    curl_easy_setopt(
        c, CURLOPT_USE_SSL,
        static_cast<long>(delivery_.smtp_starttls == "required" ? CURLUSESSL_ALL : CURLUSESSL_TRY));
  if (!delivery_.smtp_user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, delivery_.smtp_user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, delivery_.smtp_password.c_str());
  }
  if (!delivery_.smtp_ca_file.empty())
    curl_easy_setopt(c, CURLOPT_CAINFO, delivery_.smtp_ca_file.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + *sender + ">").c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(mail.raw_message.size()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(delivery_.smtp_timeout_ms));
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  // Relays close idle clients after a minute or more (RFC 5321 asks for 5).
  curl_easy_setopt(c, CURLOPT_MAXAGE_CONN, 30L);
  const CURLcode result = curl_easy_perform(c);
  // The handle outlives this call; what these point at does not.
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, nullptr);
  curl_easy_setopt(c, CURLOPT_READDATA, nullptr);
  if (result != CURLE_OK) {
    long reply = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
    drop_smtp_handle();
    // curl's messages name the server and the reply, never the password.
    throw std::runtime_error("SMTP delivery of mail " + std::to_string(mail.id) + " failed (" +
                             std::to_string(reply) +
                             "): " + (*error ? std::string(error) : curl_easy_strerror(result)));
  }
  spdlog::info("mail {} ({}) delivered by SMTP", mail.id, mail.kind);
}

}  // namespace ps::mail
