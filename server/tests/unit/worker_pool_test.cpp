#include "core/worker_pool.h"

#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <thread>

namespace ps {
namespace {

// The thread that ran `run_short`'s work, and the one its caller was on.
struct Threads {
  std::thread::id caller, worker;
};

Threads threads_of_short_work(WorkerPool& workers) {
  boost::asio::io_context network;
  auto answer = boost::asio::co_spawn(
      network,
      [&]() -> boost::asio::awaitable<Threads> {
        Threads threads{.caller = std::this_thread::get_id()};
        threads.worker =
            co_await workers.run_short("request-1", [] { return std::this_thread::get_id(); });
        co_return threads;
      },
      boost::asio::use_future);
  network.run();
  return answer.get();
}

TEST(WorkerPool, ShortWorkGoesToAWorkerUnlessItRunsInline) {
  WorkerPool workers(2);
  const auto handed_over = threads_of_short_work(workers);
  EXPECT_NE(handed_over.worker, handed_over.caller);

  workers.run_short_work_inline(true);
  const auto in_line = threads_of_short_work(workers);
  EXPECT_EQ(in_line.worker, in_line.caller);
}

TEST(WorkerPool, ShortWorkInlineLogsWithItsRequestIdAndPassesOnItsErrors) {
  WorkerPool workers(1);
  workers.run_short_work_inline(true);
  boost::asio::io_context network;
  auto answer = boost::asio::co_spawn(
      network,
      [&]() -> boost::asio::awaitable<std::string> {
        co_return co_await workers.run_short("request-7", [] { return LogContext::current(); });
      },
      boost::asio::use_future);
  auto failure = boost::asio::co_spawn(
      network,
      [&]() -> boost::asio::awaitable<void> {
        co_await workers.run_short("request-8", [] { throw std::runtime_error("no such row"); });
      },
      boost::asio::use_future);
  network.run();
  EXPECT_EQ(answer.get(), "request-7");
  EXPECT_THROW(failure.get(), std::runtime_error);
  EXPECT_EQ(LogContext::current(), "");  // restored once the work is done
}

}  // namespace
}  // namespace ps
