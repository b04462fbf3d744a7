#pragma once

#include <string>

namespace ps {

// Sets up the process-wide logger: one line per event, UTC timestamps,
// key=value fields. Request-scoped lines carry request_id=...
void init_logging(const std::string& level);

}  // namespace ps
