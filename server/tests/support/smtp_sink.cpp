#include "support/smtp_sink.h"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>

namespace ps::testing {

namespace {
namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

bool same_name(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return std::tolower(x) == std::tolower(y); });
}
}  // namespace

std::string SmtpSink::Received::header(const std::string& name) const {
  std::string text = raw;
  // Unfold: a line break followed by white space continues the header.
  for (std::size_t at; (at = text.find("\r\n ")) != std::string::npos;) text.replace(at, 2, "");
  for (std::size_t at; (at = text.find("\r\n\t")) != std::string::npos;) text.replace(at, 2, "");
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find("\r\n", start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line(text.data() + start, end - start);
    if (line.empty()) break;  // the end of the headers
    const auto colon = line.find(':');
    if (colon != std::string_view::npos && same_name(line.substr(0, colon), name)) {
      auto value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      return std::string(value);
    }
    start = end + 2;
  }
  return "";
}

SmtpSink::SmtpSink() : SmtpSink(Options{}) {}

SmtpSink::SmtpSink(Options options)
    : options_(std::move(options)),
      inbox_(scratch_.path() / "inbox"),
      process_(scratch_.path() / "smtp.log") {
  fs::create_directories(inbox_);
  if (options_.starttls) {
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
        "-addext subjectAltName=IP:127.0.0.1 -keyout '" +
        (scratch_.path() / "key.pem").string() + "' -out '" +
        (scratch_.path() / "cert.pem").string() + "' >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0)
      throw std::runtime_error("openssl could not make the test certificate");
  }
  if (!options_.user.empty()) set_password(options_.password);
}

std::string SmtpSink::ca_file() const {
  return options_.starttls ? (scratch_.path() / "cert.pem").string() : "";
}

void SmtpSink::set_password(const std::string& password) {
  write_file(scratch_.path() / "password", password);
}

void SmtpSink::start() {
  std::vector<std::string> args{
      "/usr/bin/python3", std::string(POCKETSHOP_SERVER_SOURCES) + "/tests/support/smtp_sink.py",
      "--dir", inbox_.string()};
  if (options_.starttls) {
    args.insert(args.end(), {"--tls-cert", (scratch_.path() / "cert.pem").string(), "--tls-key",
                             (scratch_.path() / "key.pem").string()});
  }
  if (!options_.user.empty()) {
    args.insert(args.end(), {"--auth-user", options_.user, "--auth-password-file",
                             (scratch_.path() / "password").string()});
  }
  if (!options_.stall_recipient.empty())
    args.insert(args.end(), {"--stall-recipient", options_.stall_recipient});
  port_ = process_.start(args, "the SMTP server (smtp_sink.py)");
}

std::vector<SmtpSink::Received> SmtpSink::received() const {
  std::vector<fs::path> envelopes;
  for (const auto& entry : fs::directory_iterator(inbox_))
    if (entry.path().extension() == ".json") envelopes.push_back(entry.path());
  std::sort(envelopes.begin(), envelopes.end());
  std::vector<Received> messages;
  for (const auto& envelope_path : envelopes) {
    const auto envelope = boost::json::parse(read_file(envelope_path)).as_object();
    Received message;
    message.raw = read_file(fs::path(envelope_path).replace_extension(".eml"));
    message.mail_from = envelope.at("mail_from").as_string().c_str();
    for (const auto& to : envelope.at("rcpt_tos").as_array())
      message.recipients.emplace_back(to.as_string().c_str());
    message.tls = envelope.at("tls").as_bool();
    message.authenticated = envelope.at("authenticated").as_bool();
    message.peer_port = static_cast<int>(envelope.at("peer_port").to_number<std::int64_t>());
    messages.push_back(std::move(message));
  }
  return messages;
}

std::vector<SmtpSink::Received> SmtpSink::wait_for(std::size_t count,
                                                   std::chrono::milliseconds limit) const {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  auto messages = received();
  while (messages.size() < count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    messages = received();
  }
  return messages;
}

bool SmtpSink::stalled() const {
  return fs::exists(inbox_ / ("stalled-" + options_.stall_recipient));
}

}  // namespace ps::testing
