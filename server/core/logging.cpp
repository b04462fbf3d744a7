#include "core/logging.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace ps {

void init_logging(const std::string& level) {
  static const bool created = [] {
    spdlog::set_default_logger(spdlog::stderr_color_mt("pocketshop"));
    return true;
  }();
  (void)created;
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  spdlog::set_level(spdlog::level::from_str(level));
}

}  // namespace ps
