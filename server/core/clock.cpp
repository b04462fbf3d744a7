#include "core/clock.h"

#include <fmt/compile.h>
#include <fmt/format.h>

namespace ps {

Millis now_millis() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {
// `value` as exactly `width` digits, zero-padded.
char* put_digits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
  return out + width;
}
}  // namespace

// Every product in a list carries two timestamps: the calendar fields come from
// <chrono> and their digits are written straight into a buffer. fmt's chrono
// formatter parsed "%Y-%m-%d…" anew on each call (3.8 % of a product list's
// instructions), and even a format compiled at build time spent ~1,000
// instructions a timestamp on its width specs (bench/README.md, fix 30).
Rfc3339 rfc3339(Millis millis) {
  using namespace std::chrono;
  const sys_time<milliseconds> time{milliseconds{millis}};
  const auto day = floor<days>(time);
  const year_month_day date{day};
  const hh_mm_ss clock{floor<seconds>(time - day)};
  Rfc3339 formatted;
  char* out = formatted.text;
  const int year = int(date.year());
  out = year >= 0 && year <= 9999 ? put_digits(out, static_cast<unsigned>(year), 4)
                                  : fmt::format_to(out, FMT_COMPILE("{:04}"), year);
  *out++ = '-';
  out = put_digits(out, unsigned(date.month()), 2);
  *out++ = '-';
  out = put_digits(out, unsigned(date.day()), 2);
  *out++ = 'T';
  out = put_digits(out, static_cast<unsigned>(clock.hours().count()), 2);
  *out++ = ':';
  out = put_digits(out, static_cast<unsigned>(clock.minutes().count()), 2);
  *out++ = ':';
  out = put_digits(out, static_cast<unsigned>(clock.seconds().count()), 2);
  *out++ = 'Z';
  formatted.size = static_cast<std::size_t>(out - formatted.text);
  return formatted;
}

std::string to_rfc3339(Millis millis) { return std::string(rfc3339(millis).view()); }

}  // namespace ps
