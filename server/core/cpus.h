#pragma once

#include <optional>
#include <string_view>

namespace ps {

// How many CPUs this process may run on, for the defaults of its thread and
// connection counts: the CPUs of its affinity mask (taskset, a cpuset cgroup,
// systemd's AllowedCPUs=), fewer when a cgroup v2 CPU quota allows less
// (systemd's CPUQuota=, docker --cpus). At least 1. A server pinned to 2 of
// 16 cores that sized itself by std::thread::hardware_concurrency() started
// 16 network threads and 32 workers (bench/README.md, "Pinned to cores").
unsigned usable_cpus();

// A cgroup v2 cpu.max file's "QUOTA PERIOD" as whole CPUs, rounded up;
// nullopt for "max PERIOD" (no quota) or a text it cannot read.
std::optional<unsigned> cpus_of_quota(std::string_view cpu_max);

}  // namespace ps
