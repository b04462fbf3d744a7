#include "core/clock.h"

#include <fmt/compile.h>
#include <fmt/format.h>

namespace ps {

Millis now_millis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// Every product in a list carries two timestamps: the calendar fields come from
// <chrono> and go through a format compiled at build time into a buffer,
// instead of fmt's chrono formatter, which parsed "%Y-%m-%d…" anew on each
// call (3.8 % of a product list's instructions, bench/README.md).
Rfc3339 rfc3339(Millis millis) {
  using namespace std::chrono;
  const sys_time<milliseconds> time{milliseconds{millis}};
  const auto day = floor<days>(time);
  const year_month_day date{day};
  const hh_mm_ss clock{floor<seconds>(time - day)};
  Rfc3339 formatted;  // formatting into a std::string went char by char
  const char* end =
      fmt::format_to(formatted.text, FMT_COMPILE("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z"),
                     int(date.year()), unsigned(date.month()), unsigned(date.day()),
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count());
  formatted.size = static_cast<std::size_t>(end - formatted.text);
  return formatted;
}

std::string to_rfc3339(Millis millis) { return std::string(rfc3339(millis).view()); }

}  // namespace ps
