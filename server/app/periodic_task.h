#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace ps {

// Runs `work` every `interval` on a thread of its own, from start() until
// stop(); a throw is logged and the next round runs as planned. Small on
// purpose: the release of due earnings runs on it until a durable job queue
// (server/jobs/) can take it over.
class PeriodicTask {
 public:
  PeriodicTask(std::string name, std::chrono::milliseconds interval, std::function<void()> work)
      : name_(std::move(name)), interval_(interval), work_(std::move(work)) {}
  ~PeriodicTask() {
    stop();
    join();
  }
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  void start();
  // Asks the task to stop: a round in progress finishes, no other begins.
  // Does not wait (safe from a signal handler's thread); join() does.
  void stop();
  void join();

 private:
  void run();

  std::string name_;
  std::chrono::milliseconds interval_;
  std::function<void()> work_;
  std::mutex mutex_;
  std::condition_variable stopping_changed_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ps
