#pragma once

#include "db/database.h"
#include "jobs/model.h"

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ps::jobs {

// Adds a job inside the caller's transaction, so that the job exists if and
// only if the caller's change commits. With a dedupe key a job already has,
// adds nothing and returns that job.
Job enqueue(db::Connection& sql, const NewJob& job);

// What a handler leaves to do in the transaction that marks its job done.
using JobEffects = std::function<void(db::Connection&)>;

// Runs a job in two phases. The handler itself runs outside any transaction:
// that is where calls to outside services (the gateway, SMTP) go, so no
// database lock is held while they wait. It returns the job's database
// effects (or an empty function for none), which run in the transaction that
// marks the job done: effects and completion commit together, exactly once.
// A handler that throws, or effects that throw, leave nothing behind, and the
// job is retried with backoff until it has had max_attempts, then is dead.
// The outside work may therefore run more than once (a failed commit, a
// worker killed after the call): make it idempotent, e.g. with the job's id
// or dedupe key as the gateway's Idempotency-Key.
using JobHandler = std::function<JobEffects(const Job&)>;

struct QueueOptions {
  // Names this process in lease owners (logs and diagnostics only; each
  // claim gets a token of its own).
  std::string owner = "pocketshop";
  // How long a claimed job may run before another runner takes it back (its
  // runner is taken for dead: killed, or cut off from the database).
  std::chrono::milliseconds lease{std::chrono::minutes(5)};
  std::chrono::milliseconds first_retry{std::chrono::seconds(5)};
  std::chrono::milliseconds max_retry{std::chrono::hours(1)};
  // How many due jobs a runner claims at once (run_due, JobRunner). A batch
  // shares one claim and one completing transaction: two commits per batch
  // instead of two per job. Its handlers run one after another under one
  // lease, so the lease must outlast this many of the slowest handler.
  int claim_batch = 8;
};

// The durable queue: claims due jobs of the kinds it has handlers for and
// runs them. Any number of instances may run it on one database at once:
// each job is claimed by one of them at a time (PostgreSQL: FOR UPDATE SKIP
// LOCKED; SQLite: the claim is a write transaction), and a claim whose lease
// lapsed is taken over. Blocking: call from a worker thread (runner.h).
class JobQueue {
 public:
  JobQueue(db::Database& database, QueueOptions options);

  // Registers the handler of a kind; before any runner starts.
  void handle(std::string kind, JobHandler handler);

  // Runs the jobs due at `now`, one after another, until none is left;
  // returns how many were run (done or failed). Jobs that fail are not run
  // again in the same call (their retry is due later).
  int run_due(Millis now = now_millis());

  // Claims up to `limit` due jobs in one transaction (attempts + 1, one
  // lease for all, until now + lease) without running them; empty when none
  // is due.
  std::vector<Job> claim_batch(int limit, Millis now = now_millis());
  int batch_size() const { return options_.claim_batch; }
  // Runs jobs this queue claimed: each handler in turn, then the effects and
  // completions of those that succeeded in one transaction (each in a
  // transaction of its own when that one fails). Returns how many were done.
  int run_batch(const std::vector<Job>& claimed, Millis now = now_millis());

  // One step of run_due, for tests: claims the next due job without running it.
  std::optional<Job> claim(Millis now = now_millis());
  // Runs a job this queue claimed; true when it was done.
  bool run(const Job& claimed, Millis now = now_millis());

  std::optional<Job> find(std::int64_t id);
  // Deletes the jobs done before `before` that have no dedupe key, a batch
  // per short transaction; returns how many.
  long long purge_done(Millis before);

  // The jobs that had their last attempt and failed, newest first: for an
  // operator, who may revive one once its cause is fixed (`pocketshop jobs
  // dead`, `pocketshop jobs retry`). Handlers are idempotent, so a revived
  // job may safely repeat outside work it did before.
  std::vector<Job> dead(int limit = 100);
  // A dead job is queued again with a fresh count of attempts; false when it
  // is not dead.
  bool revive(std::int64_t id, Millis now = now_millis());

 private:
  // The handler's effects, or nullopt when it threw (the failure recorded).
  std::optional<JobEffects> run_handler(const Job& claimed, Millis now);
  // Commits one job's completion with its effects; false when the lease was
  // lost or the effects threw (the failure recorded).
  bool finish(const Job& claimed, const JobEffects& effects, Millis now);
  // Commits the completions and effects of several jobs together; how many
  // were done (a job whose lease was lost is skipped). Throws when the
  // transaction fails.
  int finish_together(const std::vector<std::pair<const Job*, JobEffects>>& succeeded);
  void record_failure(const Job& claimed, const std::string& error, Millis now);

  db::Database& database_;
  QueueOptions options_;
  std::map<std::string, JobHandler> handlers_;
  std::vector<std::string> kinds_;
};

}  // namespace ps::jobs
