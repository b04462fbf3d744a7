#include "mail/settings.h"

#include <mutex>

namespace ps::mail {

namespace {
std::mutex settings_mutex;
Settings current_settings;
}  // namespace

void configure(Settings settings) {
  while (settings.public_url.ends_with('/')) settings.public_url.pop_back();
  std::lock_guard lock(settings_mutex);
  current_settings = std::move(settings);
}

Settings settings() {
  std::lock_guard lock(settings_mutex);
  return current_settings;
}

}  // namespace ps::mail
