#pragma once

#include "jobs/queue.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace ps::jobs {

// Threads that run the queue's due jobs: each looks for work, runs what is
// due, then sleeps for the poll interval or until woken (stop(), or wake()
// after this process enqueued something). Jobs enqueued by another instance
// are found at the next poll. Zero workers: nothing runs by itself (tests
// and `pocketshop jobs run` call JobQueue::run_due).
class JobRunner {
 public:
  JobRunner(JobQueue& queue, int workers, std::chrono::milliseconds poll_interval);
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  void start();
  // Look now rather than at the next poll.
  void wake();
  // Asks the threads to stop after the job each is running, and joins them.
  void stop();

 private:
  void work();

  JobQueue& queue_;
  int workers_;
  std::chrono::milliseconds poll_interval_;
  std::mutex mutex_;
  std::condition_variable changed_;
  unsigned long long wakes_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace ps::jobs
