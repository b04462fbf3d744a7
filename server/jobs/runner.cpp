#include "jobs/runner.h"

#include "db/failure.h"

#include <spdlog/spdlog.h>

namespace ps::jobs {

JobRunner::JobRunner(JobQueue& queue, int workers, std::chrono::milliseconds poll_interval)
    : queue_(queue), workers_(workers), poll_interval_(poll_interval) {}

JobRunner::~JobRunner() { stop(); }

void JobRunner::start() {
  for (int i = 0; i < workers_; ++i) threads_.emplace_back([this] { work(); });
}

void JobRunner::wake() {
  {
    std::lock_guard lock(mutex_);
    ++wakes_;
  }
  changed_.notify_all();
}

void JobRunner::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  for (auto& thread : threads_)
    if (thread.joinable()) thread.join();
  threads_.clear();
}

void JobRunner::work() {
  for (;;) {
    unsigned long long seen = 0;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      seen = wakes_;
    }
    try {
      // One batch at a time, so that stop() waits for one batch at most.
      for (auto claimed = queue_.claim_batch(queue_.batch_size()); !claimed.empty();
           claimed = queue_.claim_batch(queue_.batch_size())) {
        queue_.run_batch(claimed);
        std::lock_guard lock(mutex_);
        if (stopping_) return;
      }
    } catch (const db::Failure& failure) {
      // Down or not migrated yet; the database layer has logged why.
      spdlog::debug("jobs: the database is not available ({}); next poll in {} ms", failure.what(),
                    poll_interval_.count());
    } catch (const std::exception& error) {
      spdlog::error("jobs: {}; next poll in {} ms", error.what(), poll_interval_.count());
    }
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, poll_interval_, [&] { return stopping_ || wakes_ != seen; });
  }
}

}  // namespace ps::jobs
