#include "core/logging.h"

#include "core/text.h"

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

// How text from outside (a path, an X-Forwarded-For value, an error message
// quoting input) is written into a line: it must neither start a line of its
// own nor drive the reader's terminal.
enum class Style { text, json };

bool is_plain_ascii(char c, Style style) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x20 && byte < 0x7F && c != '\\' && (style == Style::text || c != '"');
}

void append_hex_escape(spdlog::memory_buf_t& destination, const char* form, unsigned value) {
  char escaped[16];
  const int length = std::snprintf(escaped, sizeof escaped, form, value);
  append(destination, std::string_view(escaped, static_cast<std::size_t>(length)));
}

// One character that is not shown as itself: \n, \r, \t, \\ (and \" in JSON);
// other controls and format characters as \xNN (text, ASCII) or \uNNNN; a byte
// of ill-formed UTF-8 as the text \xNN (in JSON too, so the line stays JSON).
void append_escape(spdlog::memory_buf_t& destination, const text::Utf8Char& c, Style style) {
  if (!c.valid) {
    append_hex_escape(destination, style == Style::json ? "\\\\x%02x" : "\\x%02x",
                      static_cast<unsigned>(c.code_point));
    return;
  }
  switch (c.code_point) {
    case '\n':
      return append(destination, "\\n");
    case '\r':
      return append(destination, "\\r");
    case '\t':
      return append(destination, "\\t");
    case '\\':
      return append(destination, "\\\\");
    case '"':
      return append(destination, "\\\"");
  }
  const bool ascii = c.code_point < 0x80;
  append_hex_escape(destination, ascii && style == Style::text ? "\\x%02x" : "\\u%04x",
                    static_cast<unsigned>(c.code_point));
}

// Copies runs of plain ASCII at once: almost every line is nothing else.
void append_escaped(spdlog::memory_buf_t& destination, std::string_view input, Style style) {
  while (!input.empty()) {
    std::size_t run = 0;
    while (run < input.size() && is_plain_ascii(input[run], style)) ++run;
    append(destination, input.substr(0, run));
    input.remove_prefix(run);
    if (input.empty()) return;
    const text::Utf8Char next = text::decode_utf8(input);
    const bool shown_as_is =
        next.valid && next.code_point >= 0x80 && !text::is_control_or_format(next.code_point);
    if (shown_as_is)
      append(destination, input.substr(0, next.length));
    else
      append_escape(destination, next, style);
    input.remove_prefix(next.length);
  }
}

// %* in the pattern: the request the thread works for, if any
// ("request_id=<id> " in text, "\"request_id\":\"<id>\"," in JSON).
class RequestIdFlag : public spdlog::custom_flag_formatter {
 public:
  explicit RequestIdFlag(Style style) : style_(style) {}
  void format(const spdlog::details::log_msg&, const std::tm&,
              spdlog::memory_buf_t& destination) override {
    if (current_request_id.empty()) return;
    const bool json = style_ == Style::json;
    append(destination, json ? "\"request_id\":\"" : "request_id=");
    append_escaped(destination, current_request_id, style_);
    append(destination, json ? "\"," : " ");
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<RequestIdFlag>(style_);
  }

 private:
  Style style_;
};

// %q: the message, escaped for its format; every field of every line is
// part of it.
class EscapedMessageFlag : public spdlog::custom_flag_formatter {
 public:
  explicit EscapedMessageFlag(Style style) : style_(style) {}
  void format(const spdlog::details::log_msg& message, const std::tm&,
              spdlog::memory_buf_t& destination) override {
    append_escaped(destination, std::string_view(message.payload.data(), message.payload.size()),
                   style_);
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<EscapedMessageFlag>(style_);
  }

 private:
  Style style_;
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
  const Style style = format == "json" ? Style::json : Style::text;
  formatter->add_flag<RequestIdFlag>('*', style).add_flag<EscapedMessageFlag>('q', style);
  formatter->set_pattern(style == Style::json
                             ? R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%*"message":"%q"})"
                             : "%Y-%m-%dT%H:%M:%S.%eZ %l %*%q");
  spdlog::set_formatter(std::move(formatter));
  spdlog::set_level(spdlog::level::from_str(level));
}

}  // namespace ps
