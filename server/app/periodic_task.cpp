#include "app/periodic_task.h"

#include "db/failure.h"

#include <spdlog/spdlog.h>

namespace ps {

void PeriodicTask::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable() || stopping_) return;
  thread_ = std::thread([this] { run(); });
}

void PeriodicTask::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stopping_changed_.notify_all();
}

void PeriodicTask::join() {
  if (thread_.joinable()) thread_.join();
}

void PeriodicTask::run() {
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      if (stopping_changed_.wait_for(lock, interval_, [this] { return stopping_; })) return;
    }
    try {
      work_();
    } catch (const db::Failure& failure) {
      // The database layer has logged why; the next round tries again.
      spdlog::debug("{}: the database failed ({}); trying again later", name_, failure.what());
    } catch (const std::exception& error) {
      spdlog::error("{} failed: {}", name_, error.what());
    }
  }
}

}  // namespace ps
