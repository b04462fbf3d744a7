#include "jobs/store.h"

namespace ps::jobs::store {

namespace {
constexpr std::string_view kColumns =
    "id, kind, payload, dedupe_key, status, attempts, max_attempts, run_at, lease_owner, "
    "lease_expires_at, last_error, created_at, updated_at";

// One row of kColumns.
struct JobRow {
  Job job;
  long long id = 0, run_at = 0, lease_expires_at = 0, created_at = 0, updated_at = 0;
  std::string status;
  soci::indicator dedupe_ind = soci::i_null, owner_ind = soci::i_null, expires_ind = soci::i_null,
                  error_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(job.kind));
    st.exchange(soci::into(job.payload));
    st.exchange(soci::into(job.dedupe_key, dedupe_ind));
    st.exchange(soci::into(status));
    st.exchange(soci::into(job.attempts));
    st.exchange(soci::into(job.max_attempts));
    st.exchange(soci::into(run_at));
    st.exchange(soci::into(job.lease_owner, owner_ind));
    st.exchange(soci::into(lease_expires_at, expires_ind));
    st.exchange(soci::into(job.last_error, error_ind));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
  }

  Job to_job() const {
    Job read = job;
    auto text = [](const std::string& value, soci::indicator ind) {
      return ind == soci::i_ok ? value : std::string();
    };
    read.id = id;
    read.dedupe_key = text(job.dedupe_key, dedupe_ind);
    read.status = parse_job_status(status).value_or(JobStatus::dead);
    read.run_at = run_at;
    read.lease_owner = text(job.lease_owner, owner_ind);
    read.lease_expires_at = expires_ind == soci::i_ok ? lease_expires_at : 0;
    read.last_error = text(job.last_error, error_ind);
    read.created_at = created_at;
    read.updated_at = updated_at;
    return read;
  }
};

std::optional<Job> first_job(db::Connection& sql, const db::Query& query) {
  std::optional<Job> found;
  query.each<JobRow>(sql, [&](const JobRow& row) {
    if (!found) found = row.to_job();
  });
  return found;
}

// "kind IN (:p1, :p2, ...)"; an empty list matches nothing.
void kinds_filter(db::Query& query, const std::vector<std::string>& kinds) {
  if (kinds.empty()) {
    query.sql("1 = 0");
    return;
  }
  query.sql("kind IN (");
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (i) query.sql(", ");
    query.bind(kinds[i]);
  }
  query.sql(")");
}

// Due, in two kinds that runners look for one after the other: each walks
// its own partial index in order (jobs_leases, jobs_due), so finding the
// next job costs the same with ten thousand queued as with one. (One query
// with an OR of both would sort every due job to return the first.)
enum class Due { lapsed_lease, queued };

void due_in_order(db::Query& query, Due due, Millis now) {
  if (due == Due::lapsed_lease)
    query.sql(" AND status = 'running' AND lease_expires_at <= ")
        .bind(static_cast<long long>(now))
        .sql(" ORDER BY lease_expires_at");
  else
    query.sql(" AND status = 'queued' AND run_at <= ")
        .bind(static_cast<long long>(now))
        .sql(" ORDER BY run_at, id");
}

}  // namespace

constexpr std::string_view kInsert = R"(
  INSERT INTO jobs (kind, payload, status, max_attempts, run_at, created_at, updated_at)
  VALUES (:kind, :payload, 'queued', :max_attempts, :run_at, :created, :updated))";

constexpr std::string_view kInsertWithKey = R"(
  INSERT INTO jobs (kind, payload, dedupe_key, status, max_attempts, run_at, created_at,
                    updated_at)
  VALUES (:kind, :payload, :key, 'queued', :max_attempts, :run_at, :created, :updated)
  ON CONFLICT (dedupe_key) DO NOTHING)";

std::optional<std::int64_t> insert(db::Connection& sql, const NewJob& job, Millis now) {
  const long long run_at = job.run_at ? job.run_at : now;
  if (job.dedupe_key.empty())
    return db::Query(kInsert)
        .values(job.kind, job.payload, static_cast<long long>(job.max_attempts), run_at,
                static_cast<long long>(now), static_cast<long long>(now))
        .insert_returning_id(sql);
  db::Query insert(kInsertWithKey);
  insert.values(job.kind, job.payload, job.dedupe_key, static_cast<long long>(job.max_attempts),
                run_at, static_cast<long long>(now), static_cast<long long>(now));
  if (insert.execute(sql) != 1) return std::nullopt;
  const auto inserted = find_by_dedupe_key(sql, job.dedupe_key);
  if (!inserted) throw std::logic_error("jobs: a job inserted is not there");
  return inserted->id;
}

std::optional<Job> find(db::Connection& sql, std::int64_t id) {
  db::Query query;
  query.sql("SELECT ").sql(kColumns).sql(" FROM jobs WHERE id = ").bind(static_cast<long long>(id));
  return first_job(sql, query);
}

std::optional<Job> find_by_dedupe_key(db::Connection& sql, const std::string& key) {
  db::Query query;
  query.sql("SELECT ").sql(kColumns).sql(" FROM jobs WHERE dedupe_key = ").bind(key);
  return first_job(sql, query);
}

bool any_due(db::Connection& sql, const std::vector<std::string>& kinds, Millis now) {
  for (const Due due : {Due::queued, Due::lapsed_lease}) {
    db::Query query;
    query.sql("SELECT 1 FROM jobs WHERE ");
    kinds_filter(query, kinds);
    due_in_order(query, due, now);
    query.sql(" LIMIT 1");
    if (query.first<int>(sql)) return true;
  }
  return false;
}

std::vector<Job> lock_due(db::Connection& sql, const std::vector<std::string>& kinds, Millis now,
                          int limit) {
  std::vector<Job> found;
  for (const Due due : {Due::lapsed_lease, Due::queued}) {
    if (static_cast<int>(found.size()) >= limit) break;
    db::Query query;
    query.sql("SELECT ").sql(kColumns).sql(" FROM jobs WHERE ");
    kinds_filter(query, kinds);
    due_in_order(query, due, now);
    query.sql(" LIMIT ").bind(static_cast<long long>(limit - found.size()));
    // SQLite: the write transaction (BEGIN IMMEDIATE) is the lock.
    query.for_update_skip_locked(sql).each<JobRow>(
        sql, [&](const JobRow& row) { found.push_back(row.to_job()); });
  }
  return found;
}

void start_attempts(db::Connection& sql, const std::vector<std::int64_t>& ids,
                    const std::string& lease_owner, Millis lease_expires_at, Millis now) {
  if (ids.empty()) return;
  db::Query update;
  update.sql("UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = ")
      .bind(lease_owner)
      .sql(", lease_expires_at = ")
      .bind(static_cast<long long>(lease_expires_at))
      .sql(", updated_at = ")
      .bind(static_cast<long long>(now))
      .sql(" WHERE id IN (")
      .bind_list(std::vector<long long>(ids.begin(), ids.end()))
      .sql(")")
      .execute(sql);
}

constexpr std::string_view kFinish = R"(
  UPDATE jobs SET status = 'done', lease_owner = NULL, lease_expires_at = NULL, updated_at = :now
  WHERE id = :id AND status = 'running' AND lease_owner = :owner)";

bool finish(db::Connection& sql, std::int64_t id, const std::string& lease_owner, Millis now) {
  return db::Query(kFinish)
             .values(static_cast<long long>(now), static_cast<long long>(id), lease_owner)
             .execute(sql) == 1;
}

constexpr std::string_view kRetry = R"(
  UPDATE jobs SET status = 'queued', run_at = :run_at, last_error = :error, lease_owner = NULL,
    lease_expires_at = NULL, updated_at = :now
  WHERE id = :id AND status = 'running' AND lease_owner = :owner)";

constexpr std::string_view kDie = R"(
  UPDATE jobs SET status = 'dead', last_error = :error, lease_owner = NULL,
    lease_expires_at = NULL, updated_at = :now
  WHERE id = :id AND status = 'running' AND lease_owner = :owner)";

bool fail(db::Connection& sql, std::int64_t id, const std::string& lease_owner,
          std::optional<Millis> run_at, const std::string& error, Millis now) {
  if (run_at)
    return db::Query(kRetry)
               .values(static_cast<long long>(*run_at), error, static_cast<long long>(now),
                       static_cast<long long>(id), lease_owner)
               .execute(sql) == 1;
  return db::Query(kDie)
             .values(error, static_cast<long long>(now), static_cast<long long>(id), lease_owner)
             .execute(sql) == 1;
}

constexpr std::string_view kBury = R"(
  UPDATE jobs SET status = 'dead', last_error = :error, lease_owner = NULL,
    lease_expires_at = NULL, updated_at = :now
  WHERE id = :id AND status = 'running')";

void bury(db::Connection& sql, std::int64_t id, const std::string& error, Millis now) {
  db::Query(kBury)
      .values(error, static_cast<long long>(now), static_cast<long long>(id))
      .execute(sql);
}

// Walks the table from its oldest row: the old jobs to purge come first.
constexpr std::string_view kPurgeDone = R"(
  DELETE FROM jobs WHERE id IN (
    SELECT id FROM jobs
    WHERE status = 'done' AND dedupe_key IS NULL AND updated_at < :before
    ORDER BY id LIMIT :limit))";

int purge_done(db::Connection& sql, Millis before, int limit) {
  return static_cast<int>(db::Query(kPurgeDone)
                              .values(static_cast<long long>(before), static_cast<long long>(limit))
                              .execute(sql));
}

std::vector<Job> dead(db::Connection& sql, int limit) {
  db::Query query;
  query.sql("SELECT ").sql(kColumns).sql(
      " FROM jobs WHERE status = 'dead' ORDER BY id DESC LIMIT ");
  query.bind(static_cast<long long>(limit));
  std::vector<Job> found;
  query.each<JobRow>(sql, [&](const JobRow& row) { found.push_back(row.to_job()); });
  return found;
}

constexpr std::string_view kRevive = R"(
  UPDATE jobs SET status = 'queued', attempts = 0, run_at = :now, updated_at = :updated
  WHERE id = :id AND status = 'dead')";

bool revive(db::Connection& sql, std::int64_t id, Millis now) {
  return db::Query(kRevive)
             .values(static_cast<long long>(now), static_cast<long long>(now),
                     static_cast<long long>(id))
             .execute(sql) == 1;
}

}  // namespace ps::jobs::store
