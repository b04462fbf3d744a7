#include "core/cpus.h"

#include <sched.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

namespace ps {

namespace {

unsigned cpus_in_affinity_mask() {
  cpu_set_t mask;
  CPU_ZERO(&mask);
  if (sched_getaffinity(0, sizeof mask, &mask) != 0) return std::thread::hardware_concurrency();
  return static_cast<unsigned>(CPU_COUNT(&mask));
}

std::string first_line(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

const std::filesystem::path kCgroupRoot("/sys/fs/cgroup");

// This process's cgroup v2 folder ("0::/system.slice/pocketshop.service" in
// /proc/self/cgroup; "0::/" inside a container's cgroup namespace, whose root
// then holds the container's own limits), empty on cgroup v1.
std::filesystem::path own_cgroup() {
  std::ifstream in("/proc/self/cgroup");
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("0::/")) continue;
    const auto below_root = line.substr(4);
    return below_root.empty() ? kCgroupRoot : kCgroupRoot / below_root;
  }
  return {};
}

// The smallest quota of the process's cgroup and of every cgroup above it:
// each one limits all of its descendants.
std::optional<unsigned> cpus_of_cgroup_quotas() {
  std::optional<unsigned> least;
  auto folder = own_cgroup();
  if (folder.empty()) return least;
  for (;; folder = folder.parent_path()) {
    if (auto cpus = cpus_of_quota(first_line(folder / "cpu.max")))
      least = least ? std::min(*least, *cpus) : *cpus;
    if (folder == kCgroupRoot || folder == folder.parent_path()) break;
  }
  return least;
}

}  // namespace

std::optional<unsigned> cpus_of_quota(std::string_view cpu_max) {
  const auto space = cpu_max.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  const auto number = [](std::string_view text, long long& value) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size() && value > 0;
  };
  long long quota = 0, period = 0;
  if (!number(cpu_max.substr(0, space), quota) || !number(cpu_max.substr(space + 1), period))
    return std::nullopt;
  return static_cast<unsigned>(std::max(1LL, (quota + period - 1) / period));
}

unsigned usable_cpus() {
  unsigned cpus = cpus_in_affinity_mask();
  if (const auto quota = cpus_of_cgroup_quotas()) cpus = std::min(cpus, *quota);
  return std::max(1u, cpus);
}

}  // namespace ps
