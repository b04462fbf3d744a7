#include "jobs/queue.h"

#include "core/random.h"
#include "db/batches.h"
#include "jobs/store.h"

#include <spdlog/spdlog.h>

#include <stdexcept>

namespace ps::jobs {

namespace {
// The lease was taken over (it lapsed and another runner claimed the job):
// this attempt's effects must not commit.
class LeaseLost : public std::runtime_error {
 public:
  LeaseLost() : std::runtime_error("the job's lease lapsed and another runner took it") {}
};

Millis millis(std::chrono::milliseconds duration) { return duration.count(); }
}  // namespace

Job enqueue(db::Connection& sql, const NewJob& job) {
  if (job.kind.empty()) throw std::invalid_argument("jobs: a job needs a kind");
  if (job.max_attempts < 1) throw std::invalid_argument("jobs: max_attempts must be at least 1");
  const Millis now = now_millis();
  if (const auto id = store::insert(sql, job, now))
    return {.id = *id,
            .kind = job.kind,
            .payload = job.payload,
            .dedupe_key = job.dedupe_key,
            .status = JobStatus::queued,
            .max_attempts = job.max_attempts,
            .run_at = job.run_at ? job.run_at : now,
            .created_at = now,
            .updated_at = now};
  auto found = store::find_by_dedupe_key(sql, job.dedupe_key);
  if (!found) throw std::logic_error("jobs: a job with the dedupe key is not there");
  return std::move(*found);
}

JobQueue::JobQueue(db::Database& database, QueueOptions options)
    : database_(database), options_(std::move(options)) {}

void JobQueue::handle(std::string kind, JobHandler handler) {
  if (!handlers_.contains(kind)) kinds_.push_back(kind);
  handlers_[std::move(kind)] = std::move(handler);
}

int JobQueue::run_due(Millis now) {
  int ran = 0;
  while (auto claimed = claim(now)) {
    run(*claimed, now);
    ++ran;
  }
  return ran;
}

std::optional<Job> JobQueue::claim(Millis now) {
  if (kinds_.empty()) return std::nullopt;
  // A read first: idle runners must not take SQLite's write lock every poll.
  if (!database_.with_session(
          [&](db::Connection& sql) { return store::any_due(sql, kinds_, now); }))
    return std::nullopt;
  return database_.transaction([&](db::Connection& sql) -> std::optional<Job> {
    while (auto job = store::lock_next_due(sql, kinds_, now)) {
      if (job->status == JobStatus::running && job->attempts >= job->max_attempts) {
        // Its last attempt never finished (the worker died): no more tries.
        spdlog::error("job {} ({}) is dead: its lease lapsed on attempt {} of {}", job->id,
                      job->kind, job->attempts, job->max_attempts);
        store::bury(sql, job->id, "the lease lapsed on the last attempt", now);
        continue;
      }
      job->lease_owner = options_.owner + ":" + random_hex(8);
      job->lease_expires_at = now + millis(options_.lease);
      job->attempts += 1;
      job->status = JobStatus::running;
      store::start_attempt(sql, job->id, job->lease_owner, job->lease_expires_at, now);
      return job;
    }
    return std::nullopt;
  });
}

bool JobQueue::run(const Job& claimed, Millis now) {
  const auto handler = handlers_.find(claimed.kind);
  if (handler == handlers_.end()) throw std::logic_error("jobs: no handler for " + claimed.kind);
  try {
    // Outside any transaction: the handler may call outside services.
    const JobEffects effects = handler->second(claimed);
    database_.transaction([&](db::Connection& sql) {
      // First, so that on PostgreSQL the row stays locked until the effects
      // commit, and a lapsed lease that another runner took stops us here.
      if (!store::finish(sql, claimed.id, claimed.lease_owner, now_millis())) throw LeaseLost();
      if (effects) effects(sql);
    });
    return true;
  } catch (const LeaseLost& lost) {
    spdlog::warn("job {} ({}): {}; its effects were rolled back", claimed.id, claimed.kind,
                 lost.what());
  } catch (const std::exception& error) {
    record_failure(claimed, short_error(error.what()), now);
  } catch (...) {
    record_failure(claimed, "unknown exception", now);
  }
  return false;
}

void JobQueue::record_failure(const Job& claimed, const std::string& error, Millis now) {
  const bool last = claimed.attempts >= claimed.max_attempts;
  const std::optional<Millis> retry_at =
      last ? std::nullopt
           : std::optional<Millis>(now + retry_delay(claimed.attempts, millis(options_.first_retry),
                                                     millis(options_.max_retry)));
  database_.transaction([&](db::Connection& sql) {
    store::fail(sql, claimed.id, claimed.lease_owner, retry_at, error, now_millis());
  });
  if (last)
    spdlog::error("job {} ({}) is dead after {} attempts: {}", claimed.id, claimed.kind,
                  claimed.attempts, error);
  else
    spdlog::warn("job {} ({}) failed on attempt {} of {}: {}; retrying in {} ms", claimed.id,
                 claimed.kind, claimed.attempts, claimed.max_attempts, error, *retry_at - now);
}

std::optional<Job> JobQueue::find(std::int64_t id) {
  return database_.with_session([&](db::Connection& sql) { return store::find(sql, id); });
}

long long JobQueue::purge_done(Millis before) {
  return db::in_batches(database_, [&](db::Connection& sql, int limit) {
    return store::purge_done(sql, before, limit);
  });
}

std::vector<Job> JobQueue::dead(int limit) {
  return database_.with_session([&](db::Connection& sql) { return store::dead(sql, limit); });
}

bool JobQueue::revive(std::int64_t id, Millis now) {
  return database_.transaction([&](db::Connection& sql) { return store::revive(sql, id, now); });
}

}  // namespace ps::jobs
