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
  for (auto claimed = claim_batch(options_.claim_batch, now); !claimed.empty();
       claimed = claim_batch(options_.claim_batch, now)) {
    run_batch(claimed, now);
    ran += static_cast<int>(claimed.size());
  }
  return ran;
}

std::vector<Job> JobQueue::claim_batch(int limit, Millis now) {
  if (kinds_.empty() || limit < 1) return {};
  // A read first: idle runners must not take SQLite's write lock every poll.
  if (!database_.with_session(
          [&](db::Connection& sql) { return store::any_due(sql, kinds_, now); }))
    return {};
  return database_.transaction([&](db::Connection& sql) {
    std::vector<Job> claimed;
    const std::string lease_owner = options_.owner + ":" + random_hex(8);
    const Millis lease_expires_at = now + millis(options_.lease);
    for (auto& job : store::lock_due(sql, kinds_, now, limit)) {
      if (job.status == JobStatus::running && job.attempts >= job.max_attempts) {
        // Its last attempt never finished (the worker died): no more tries.
        spdlog::error("job {} ({}) is dead: its lease lapsed on attempt {} of {}", job.id, job.kind,
                      job.attempts, job.max_attempts);
        store::bury(sql, job.id, "the lease lapsed on the last attempt", now);
        continue;
      }
      job.lease_owner = lease_owner;
      job.lease_expires_at = lease_expires_at;
      job.attempts += 1;
      job.status = JobStatus::running;
      claimed.push_back(std::move(job));
    }
    std::vector<std::int64_t> ids;
    for (const auto& job : claimed) ids.push_back(job.id);
    store::start_attempts(sql, ids, lease_owner, lease_expires_at, now);
    return claimed;
  });
}

std::optional<Job> JobQueue::claim(Millis now) {
  auto claimed = claim_batch(1, now);
  if (claimed.empty()) return std::nullopt;
  return std::move(claimed.front());
}

bool JobQueue::run(const Job& claimed, Millis now) { return run_batch({claimed}, now) == 1; }

int JobQueue::run_batch(const std::vector<Job>& claimed, Millis now) {
  std::vector<std::pair<const Job*, JobEffects>> succeeded;
  for (const Job& job : claimed)
    if (auto effects = run_handler(job, now)) succeeded.emplace_back(&job, std::move(*effects));
  if (succeeded.size() > 1) {
    try {
      return finish_together(succeeded);
    } catch (const std::exception& error) {
      spdlog::info("jobs: completing {} jobs together failed ({}); completing each alone",
                   succeeded.size(), short_error(error.what()));
    }
  }
  int done = 0;
  for (const auto& [job, effects] : succeeded) done += finish(*job, effects, now) ? 1 : 0;
  return done;
}

std::optional<JobEffects> JobQueue::run_handler(const Job& claimed, Millis now) {
  const auto handler = handlers_.find(claimed.kind);
  if (handler == handlers_.end()) throw std::logic_error("jobs: no handler for " + claimed.kind);
  try {
    // Outside any transaction: the handler may call outside services.
    return handler->second(claimed);
  } catch (const std::exception& error) {
    record_failure(claimed, short_error(error.what()), now);
  } catch (...) {
    record_failure(claimed, "unknown exception", now);
  }
  return std::nullopt;
}

bool JobQueue::finish(const Job& claimed, const JobEffects& effects, Millis now) {
  try {
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

int JobQueue::finish_together(const std::vector<std::pair<const Job*, JobEffects>>& succeeded) {
  return database_.transaction([&](db::Connection& sql) {
    int done = 0;
    for (const auto& [job, effects] : succeeded) {
      // A job whose lease another runner took is skipped: nothing of it is
      // written, as when it is completed alone.
      if (!store::finish(sql, job->id, job->lease_owner, now_millis())) {
        spdlog::warn("job {} ({}): {}; its effects were not applied", job->id, job->kind,
                     LeaseLost().what());
        continue;
      }
      if (effects) effects(sql);
      ++done;
    }
    return done;
  });
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
