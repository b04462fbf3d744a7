#include "core/logging.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace ps {

namespace {
thread_local std::string current_request_id;

// %* in the pattern: "request_id=<id> " while a thread works for a request.
class RequestIdFlag : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg&, const std::tm&,
              spdlog::memory_buf_t& destination) override {
    if (current_request_id.empty()) return;
    static constexpr std::string_view kPrefix = "request_id=";
    destination.append(kPrefix.data(), kPrefix.data() + kPrefix.size());
    destination.append(current_request_id.data(),
                       current_request_id.data() + current_request_id.size());
    destination.push_back(' ');
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<RequestIdFlag>();
  }
};
}  // namespace

LogContext::LogContext(std::string request_id) : previous_(std::move(current_request_id)) {
  current_request_id = std::move(request_id);
}

LogContext::~LogContext() { current_request_id = std::move(previous_); }

const std::string& LogContext::current() { return current_request_id; }

void init_logging(const std::string& level) {
  static const bool created = [] {
    spdlog::set_default_logger(spdlog::stderr_color_mt("pocketshop"));
    return true;
  }();
  (void)created;
  auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
  formatter->add_flag<RequestIdFlag>('*').set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %*%v");
  spdlog::set_formatter(std::move(formatter));
  spdlog::set_level(spdlog::level::from_str(level));
}

}  // namespace ps
