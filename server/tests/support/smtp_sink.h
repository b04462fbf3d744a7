#pragma once

#include "support/child_process.h"
#include "support/test_server.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ps::testing {

// A real SMTP server on 127.0.0.1 for the mail tests: smtp_sink.py (aiosmtpd,
// Debian's python3-aiosmtpd) in a child process, saving what it accepts into
// a scratch folder. Start and kill it from the test's main thread.
class SmtpSink {
 public:
  struct Options {
    bool starttls = false;  // offer and require STARTTLS, with a fresh self-signed certificate
    std::string user;       // when set, AUTH is required with this user and password
    std::string password;
    std::string stall_recipient;  // holds the first DATA for this address (see the script)
  };

  // One message the server accepted.
  struct Received {
    std::string raw;  // as received, line ends as sent
    std::string mail_from;
    std::vector<std::string> recipients;
    bool tls = false;
    bool authenticated = false;
    int peer_port = 0;  // the client's port: one per connection

    // The first header of that name, unfolded; empty when none.
    std::string header(const std::string& name) const;
  };

  SmtpSink();
  explicit SmtpSink(Options options);
  ~SmtpSink() { process_.kill(); }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  void start();
  void kill() { process_.kill(); }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // The CA file a client must trust (the certificate itself); empty without TLS.
  std::string ca_file() const;
  // The password AUTH accepts from now on.
  void set_password(const std::string& password);

  std::vector<Received> received() const;
  // Waits until at least `count` messages came (or the limit passed).
  std::vector<Received> wait_for(std::size_t count,
                                 std::chrono::milliseconds limit = std::chrono::seconds(20)) const;
  // Whether the stalled DATA has begun.
  bool stalled() const;
  std::string log() const { return process_.log(); }

 private:
  Options options_;
  TempDir scratch_;
  std::filesystem::path inbox_;
  ChildProcess process_;
  std::uint16_t port_ = 0;
};

}  // namespace ps::testing
