#pragma once

#include "core/logging.h"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <string>
#include <type_traits>
#include <utility>

namespace ps {

// Threads for blocking work (database calls, password hashing). A coroutine on
// a network thread awaits run(); it resumes on its own executor afterwards, so
// network threads never block. Exceptions thrown by the work propagate.
//
// Pass closures that capture by reference: g++ 12 destroys temporaries with
// non-trivial destructors in a co_await expression twice (GCC PR 100611).
class WorkerPool {
 public:
  explicit WorkerPool(std::size_t threads) : pool_(threads) {}
  ~WorkerPool() { join(); }

  // request_id: logged with every line the work writes (see LogContext).
  template <class Work>
  auto run(const std::string& request_id, Work work)
      -> boost::asio::awaitable<std::invoke_result_t<Work&>> {
    using Result = std::invoke_result_t<Work&>;
    co_return co_await boost::asio::co_spawn(
        pool_.get_executor(),
        [&work, &request_id]() -> boost::asio::awaitable<Result> {
          LogContext context(request_id);
          if constexpr (std::is_void_v<Result>) {
            work();
            co_return;
          } else {
            co_return work();
          }
        },
        boost::asio::use_awaitable);
  }

  // Short work that never waits on the network: a SQLite read from the page
  // cache. Once run_short_work_inline(true), it runs at once on the calling
  // (network) thread, as part of the request it answers, instead of being
  // handed to a worker and back: two thread wake-ups, a seventh of a product
  // detail's CPU (bench/README.md, "The hand-off to the workers"). Work that
  // may wait on a PostgreSQL round trip must not: it would hold a network
  // thread and the connections it serves.
  template <class Work>
  auto run_short(const std::string& request_id, Work work)
      -> boost::asio::awaitable<std::invoke_result_t<Work&>> {
    if (!short_work_inline_) co_return co_await run(request_id, std::move(work));
    LogContext context(request_id);
    co_return work();
  }

  // Before the network threads start.
  void run_short_work_inline(bool yes) { short_work_inline_ = yes; }

  // Waits for queued work to finish, then stops the threads.
  void join() { pool_.join(); }

 private:
  boost::asio::thread_pool pool_;
  bool short_work_inline_ = false;
};

}  // namespace ps
