#include "core/clock.h"

#include <spdlog/fmt/chrono.h>

namespace ps {

Millis now_millis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string to_rfc3339(Millis millis) {
  using namespace std::chrono;
  const sys_time<milliseconds> time{milliseconds{millis}};
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", time);
}

}  // namespace ps
