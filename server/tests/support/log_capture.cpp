#include "support/log_capture.h"

#include "core/logging.h"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

namespace ps::testing {

LogCapture::LogCapture() {
  // The process's first init_logging replaces the default logger, and with
  // it any sink added before: a test that logs before any server started
  // would capture nothing.
  init_logging("trace");
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(stream_);
  spdlog::default_logger()->sinks().push_back(sink);
  sink_ = sink;
  init_logging("trace");  // also gives the new sink the production format
}

LogCapture::~LogCapture() {
  auto& sinks = spdlog::default_logger()->sinks();
  std::erase_if(sinks, [this](const auto& sink) { return sink == sink_; });
  init_logging("warn");
}

}  // namespace ps::testing
