#pragma once

#include <string>

namespace ps {

// Sets up the process-wide logger: one line per event, UTC timestamps,
// key=value fields. Request-scoped lines carry request_id=...
// format: "text" (key=value after the message kind) or "json" (one object a line).
void init_logging(const std::string& level, const std::string& format = "text");

// The request a thread is working for, added to every log line it writes as
// request_id=... (network threads name the request explicitly; worker threads
// get it from WorkerPool::run).
class LogContext {
 public:
  explicit LogContext(std::string request_id);
  ~LogContext();
  LogContext(const LogContext&) = delete;
  LogContext& operator=(const LogContext&) = delete;

  static const std::string& current();

 private:
  std::string previous_;
};

}  // namespace ps
