#include "jobs/model.h"

#include "core/text.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace ps::jobs {

namespace {
constexpr std::array<std::string_view, 4> kStatusNames{"queued", "running", "done", "dead"};
}  // namespace

std::string_view to_string(JobStatus status) {
  return kStatusNames[static_cast<std::size_t>(status)];
}

std::optional<JobStatus> parse_job_status(std::string_view text) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i)
    if (kStatusNames[i] == text) return static_cast<JobStatus>(i);
  return std::nullopt;
}

Millis retry_delay(int attempts, Millis first_retry, Millis max_retry) {
  Millis delay = first_retry;
  for (int i = 1; i < attempts && delay < max_retry; ++i) delay *= 2;
  return std::min(delay, max_retry);
}

std::string short_error(std::string_view message, std::size_t max_bytes) {
  std::string result;
  while (!message.empty()) {
    const auto c = text::decode_utf8(message);
    std::string piece;
    if (!c.valid) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned char>(message[0]));
      piece = escaped;
    } else if (c.code_point == '\\') {
      piece = "\\\\";
    } else if (text::is_control_or_format(c.code_point)) {
      char escaped[16];
      std::snprintf(escaped, sizeof escaped, "\\u{%x}", static_cast<unsigned>(c.code_point));
      piece = escaped;
    } else {
      piece = message.substr(0, c.length);
    }
    if (result.size() + piece.size() > max_bytes) break;
    result += piece;
    message.remove_prefix(c.length);
  }
  return result;
}

}  // namespace ps::jobs
