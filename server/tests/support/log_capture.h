#pragma once

#include <memory>
#include <sstream>
#include <string>

namespace spdlog::sinks {
template <typename Mutex>
class ostream_sink;
}

namespace ps::testing {

// Records every log line written while it lives, formatted as in production.
class LogCapture {
 public:
  LogCapture();
  ~LogCapture();
  std::string text() const { return stream_.str(); }

 private:
  std::ostringstream stream_;
  std::shared_ptr<void> sink_;
};

}  // namespace ps::testing
