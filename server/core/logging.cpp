#include "core/logging.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace ps {

namespace {
thread_local std::string current_request_id;

void append(spdlog::memory_buf_t& destination, std::string_view text) {
  destination.append(text.data(), text.data() + text.size());
}

// JSON string contents: quotes, backslashes and control characters escaped.
void append_json_escaped(spdlog::memory_buf_t& destination, std::string_view text) {
  for (char c : text) {
    if (c == '"' || c == '\\') {
      destination.push_back('\\');
      destination.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
      append(destination, escaped);
    } else {
      destination.push_back(c);
    }
  }
}

// %* in the pattern: the request the thread works for, if any
// ("request_id=<id> " in text, "\"request_id\":\"<id>\"," in JSON).
class RequestIdFlag : public spdlog::custom_flag_formatter {
 public:
  explicit RequestIdFlag(bool json = false) : json_(json) {}
  void format(const spdlog::details::log_msg&, const std::tm&,
              spdlog::memory_buf_t& destination) override {
    if (current_request_id.empty()) return;
    append(destination, json_ ? "\"request_id\":\"" : "request_id=");
    json_ ? append_json_escaped(destination, current_request_id)
          : append(destination, current_request_id);
    append(destination, json_ ? "\"," : " ");
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<RequestIdFlag>(json_);
  }

 private:
  bool json_;
};

// %j: the message, escaped for a JSON string.
class JsonMessageFlag : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& message, const std::tm&,
              spdlog::memory_buf_t& destination) override {
    append_json_escaped(destination,
                        std::string_view(message.payload.data(), message.payload.size()));
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<JsonMessageFlag>();
  }
};

// Log lines to a file or pipe are written in blocks, not one write(2) each
// under the logger's mutex for every request's access line (bench/README.md,
// fix 9). Like nginx's `access_log ... buffer= flush=`, the block goes out
// when full, every second, and at once for warnings and errors.
class BufferedStderrSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  ~BufferedStderrSink() override { flush_(); }

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    formatter_->format(message, buffer_);
    if (buffer_.size() >= kBlockBytes) flush_();
  }

  void flush_() override {
    std::size_t written = 0;
    while (written < buffer_.size()) {
      const auto n = ::write(STDERR_FILENO, buffer_.data() + written, buffer_.size() - written);
      if (n <= 0) break;  // nowhere to log to: drop the block rather than block the server
      written += static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kBlockBytes = 32 * 1024;
  spdlog::memory_buf_t buffer_;
};

std::shared_ptr<spdlog::logger> make_process_logger() {
  // A terminal gets each line as it happens, in colour.
  if (::isatty(STDERR_FILENO)) return spdlog::stderr_color_mt("pocketshop");
  auto logger =
      std::make_shared<spdlog::logger>("pocketshop", std::make_shared<BufferedStderrSink>());
  logger->flush_on(spdlog::level::warn);
  spdlog::flush_every(std::chrono::seconds(1));
  return logger;
}
}  // namespace

LogContext::LogContext(std::string request_id) : previous_(std::move(current_request_id)) {
  current_request_id = std::move(request_id);
}

LogContext::~LogContext() { current_request_id = std::move(previous_); }

const std::string& LogContext::current() { return current_request_id; }

void init_logging(const std::string& level, const std::string& format) {
  static const bool created = [] {
    spdlog::set_default_logger(make_process_logger());
    return true;
  }();
  (void)created;
  auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
  if (format == "json") {
    formatter->add_flag<RequestIdFlag>('*', true).add_flag<JsonMessageFlag>('j').set_pattern(
        R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%*"message":"%j"})");
  } else {
    formatter->add_flag<RequestIdFlag>('*').set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %*%v");
  }
  spdlog::set_formatter(std::move(formatter));
  spdlog::set_level(spdlog::level::from_str(level));
}

}  // namespace ps
