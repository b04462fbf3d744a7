#pragma once

#include "db/query.h"
#include "jobs/model.h"

#include <optional>
#include <string>
#include <vector>

namespace ps::jobs {

// SQL for the jobs table; the queue (queue.h) decides what to do.
namespace store {
// Inserts a queued job; returns its id. With a dedupe key that a job already
// has, inserts nothing and returns nullopt.
std::optional<std::int64_t> insert(db::Connection& sql, const NewJob& job, Millis now);
std::optional<Job> find(db::Connection& sql, std::int64_t id);
std::optional<Job> find_by_dedupe_key(db::Connection& sql, const std::string& key);

// Whether any job of these kinds is due at `now` (queued and due, or running
// with a lapsed lease). A read: runners ask it before taking the write lock.
bool any_due(db::Connection& sql, const std::vector<std::string>& kinds, Millis now);
// The first `limit` due jobs of these kinds (lapsed leases first), locked for
// this transaction; on PostgreSQL, rows other transactions have locked are
// skipped (FOR UPDATE SKIP LOCKED), so concurrent runners each get others.
std::vector<Job> lock_due(db::Connection& sql, const std::vector<std::string>& kinds, Millis now,
                          int limit);
// Marks the jobs running under the lease, one more attempt each.
void start_attempts(db::Connection& sql, const std::vector<std::int64_t>& ids,
                    const std::string& lease_owner, Millis lease_expires_at, Millis now);
// Running under this lease -> done; false when the lease is no longer ours.
bool finish(db::Connection& sql, std::int64_t id, const std::string& lease_owner, Millis now);
// Running under this lease -> queued at run_at, or dead when run_at is
// empty; false when the lease is no longer ours.
bool fail(db::Connection& sql, std::int64_t id, const std::string& lease_owner,
          std::optional<Millis> run_at, const std::string& error, Millis now);
// A running job whose lease lapsed after its last attempt -> dead.
void bury(db::Connection& sql, std::int64_t id, const std::string& error, Millis now);
// Deletes at most `limit` jobs that are done, were finished before `before`
// and have no dedupe key (a key must keep answering "done" to a repeated
// enqueue, so those stay), oldest first; returns how many.
int purge_done(db::Connection& sql, Millis before, int limit);
// The dead jobs, newest first, at most `limit`.
std::vector<Job> dead(db::Connection& sql, int limit);
// Dead -> queued, due now, with its attempts counted from zero again; false
// when the job is not dead.
bool revive(db::Connection& sql, std::int64_t id, Millis now);
}  // namespace store

}  // namespace ps::jobs
