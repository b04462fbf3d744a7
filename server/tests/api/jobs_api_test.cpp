// The durable job queue on a real database: a job exists iff the transaction
// that enqueued it committed, a dedupe key enqueues once, several runners (and
// a second instance on the same database) run each job exactly once, failures
// retry with backoff and then die, a lapsed lease is taken over, and a
// handler's effects commit with its job's completion or not at all.
#include "support/api_test.h"

#include "db/database.h"
#include "jobs/queue.h"

#include <soci/soci.h>

#include <atomic>
#include <chrono>
#include <future>
#include <latch>
#include <stdexcept>
#include <thread>
#include <vector>

namespace ps::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* kKind = "test.effect";

class JobsApi : public ApiTest {
 protected:
  void configure(Config& config) override { config.job_workers = 0; }

  void SetUp() override {
    ApiTest::SetUp();
    database().with_session([](db::Connection& sql) {
      sql.session() << "CREATE TABLE job_effects (job_id BIGINT NOT NULL, note TEXT NOT NULL)";
    });
  }

  db::Database& database() { return server().app().database(); }

  static jobs::QueueOptions options() {
    jobs::QueueOptions options;
    options.owner = "test";
    options.lease = 30s;
    options.first_retry = 1s;
    options.max_retry = 1h;
    return options;
  }

  // A queue whose kKind jobs insert one job_effects row each.
  static void handle_with_effect(jobs::JobQueue& queue) {
    queue.handle(kKind, [](const jobs::Job& job) -> jobs::JobEffects {
      return [id = job.id](db::Connection& sql) { insert_effect(sql, id, "done"); };
    });
  }

  static void insert_effect(db::Connection& sql, std::int64_t job_id, const std::string& note) {
    const long long id = job_id;
    sql.session() << "INSERT INTO job_effects (job_id, note) VALUES (:id, :note)", soci::use(id),
        soci::use(note);
  }

  jobs::Job enqueue(const std::string& key = {}, int max_attempts = 5) {
    return database().transaction([&](db::Connection& sql) {
      jobs::NewJob job;
      job.kind = kKind;
      job.payload = R"({"n": 1})";
      job.dedupe_key = key;
      job.max_attempts = max_attempts;
      return jobs::enqueue(sql, job);
    });
  }

  long long effects_of(std::int64_t job_id) {
    return sql_number("SELECT COUNT(*) FROM job_effects WHERE job_id = " + std::to_string(job_id));
  }

  jobs::Job reread(jobs::JobQueue& queue, std::int64_t id) {
    auto job = queue.find(id);
    EXPECT_TRUE(job.has_value());
    return job.value_or(jobs::Job{});
  }
};
POCKETSHOP_API_TEST(JobsApi);

TEST_P(JobsApi, AJobExistsOnlyIfItsTransactionCommitted) {
  EXPECT_THROW(database().transaction([&](db::Connection& sql) {
    jobs::enqueue(sql, {.kind = kKind});
    throw std::runtime_error("the caller's change failed");
  }),
               std::runtime_error);
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM jobs"), 0);

  const auto job = enqueue();
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM jobs"), 1);
  EXPECT_EQ(job.status, jobs::JobStatus::queued);
  EXPECT_EQ(job.attempts, 0);
  EXPECT_EQ(job.payload, R"({"n": 1})");
}

TEST_P(JobsApi, ADedupeKeyEnqueuesOnce) {
  const auto first = enqueue("event:1");
  const auto again = enqueue("event:1");
  EXPECT_EQ(again.id, first.id);
  const auto other = enqueue("event:2");
  EXPECT_NE(other.id, first.id);
  database().transaction([&](db::Connection& sql) {
    EXPECT_EQ(jobs::enqueue(sql, {.kind = kKind, .dedupe_key = "event:3"}).id,
              jobs::enqueue(sql, {.kind = kKind, .dedupe_key = "event:3"}).id);
  });
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM jobs"), 3);

  jobs::JobQueue queue(database(), options());
  handle_with_effect(queue);
  EXPECT_EQ(queue.run_due(), 3);
  EXPECT_EQ(enqueue("event:1").id, first.id);  // done, still remembered
  EXPECT_EQ(queue.run_due(), 0);
  EXPECT_EQ(effects_of(first.id), 1);
}

TEST_P(JobsApi, SeveralRunnersAndASecondInstanceRunEachJobOnce) {
  constexpr int kJobs = 40;
  std::vector<std::int64_t> ids;
  for (int i = 0; i < kJobs; ++i) ids.push_back(enqueue().id);

  // Another instance: its own pool of connections to the same database.
  db::Database other(server().config().database_url, 2);
  jobs::JobQueue here(database(), options()), there(other, options());
  handle_with_effect(here);
  handle_with_effect(there);

  constexpr int kRunners = 6;
  std::latch start(kRunners);
  std::vector<std::future<int>> runners;
  for (int i = 0; i < kRunners; ++i)
    runners.push_back(std::async(std::launch::async, [&, i] {
      start.arrive_and_wait();
      return (i % 2 ? there : here).run_due();
    }));
  int ran = 0;
  for (auto& runner : runners) ran += runner.get();

  EXPECT_EQ(ran, kJobs);
  for (const auto id : ids) EXPECT_EQ(effects_of(id), 1) << "job " << id;
  EXPECT_EQ(sql_number("SELECT COUNT(*) FROM jobs WHERE status = 'done' AND attempts = 1"), kJobs);
}

TEST_P(JobsApi, FailuresAreRetriedWithBackoffThenTheJobIsDead) {
  jobs::JobQueue queue(database(), options());
  int calls = 0;
  queue.handle(kKind, [&](const jobs::Job&) -> jobs::JobEffects {
    ++calls;
    throw std::runtime_error("gateway said no\n\x1b[31mforged line");
  });
  const auto job = enqueue({}, 3);
  const Millis t0 = now_millis();

  EXPECT_EQ(queue.run_due(t0), 1);
  auto read = reread(queue, job.id);
  EXPECT_EQ(read.status, jobs::JobStatus::queued);
  EXPECT_EQ(read.attempts, 1);
  EXPECT_EQ(read.run_at, t0 + 1000);
  EXPECT_EQ(read.last_error, "gateway said no\\u{a}\\u{1b}[31mforged line");
  EXPECT_TRUE(read.lease_owner.empty());

  EXPECT_EQ(queue.run_due(t0 + 999), 0);  // not due yet
  EXPECT_EQ(queue.run_due(t0 + 1000), 1);
  read = reread(queue, job.id);
  EXPECT_EQ(read.attempts, 2);
  EXPECT_EQ(read.run_at, t0 + 1000 + 2000);  // doubled

  EXPECT_EQ(queue.run_due(t0 + 3000), 1);
  read = reread(queue, job.id);
  EXPECT_EQ(read.status, jobs::JobStatus::dead);
  EXPECT_EQ(read.attempts, 3);
  EXPECT_EQ(queue.run_due(t0 + kDayMillis), 0);
  EXPECT_EQ(calls, 3);
}

// An operator revives a dead job once its cause is fixed: it is due at
// once, with its attempts counted afresh, and runs; only dead jobs revive.
TEST_P(JobsApi, ARevivedDeadJobRunsAgain) {
  jobs::JobQueue queue(database(), options());
  bool fixed = false;
  queue.handle(kKind, [&](const jobs::Job& job) -> jobs::JobEffects {
    if (!fixed) throw std::runtime_error("the gateway did not answer");
    return [id = job.id](db::Connection& sql) { insert_effect(sql, id, "done"); };
  });
  const auto job = enqueue({}, 1);
  const auto other = enqueue({}, 5);
  const Millis t0 = now_millis();
  EXPECT_EQ(queue.run_due(t0), 2);
  ASSERT_EQ(reread(queue, job.id).status, jobs::JobStatus::dead);
  const auto dead = queue.dead();
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].id, job.id);
  EXPECT_EQ(dead[0].last_error, "the gateway did not answer");

  EXPECT_FALSE(queue.revive(other.id, t0)) << "a queued job is not dead";
  fixed = true;
  EXPECT_TRUE(queue.revive(job.id, t0 + 10));
  EXPECT_FALSE(queue.revive(job.id, t0 + 10)) << "revived once";
  const auto revived = reread(queue, job.id);
  EXPECT_EQ(revived.status, jobs::JobStatus::queued);
  EXPECT_EQ(revived.attempts, 0);
  EXPECT_EQ(queue.run_due(t0 + 10), 1);  // the revived job; the other waits for its retry
  EXPECT_EQ(reread(queue, job.id).status, jobs::JobStatus::done);
  EXPECT_EQ(effects_of(job.id), 1);
  EXPECT_TRUE(queue.dead().empty());
}

TEST_P(JobsApi, EffectsThatThrowLeaveNothingAndTheJobIsRetried) {
  jobs::JobQueue queue(database(), options());
  int attempt = 0;
  queue.handle(kKind, [&](const jobs::Job& job) -> jobs::JobEffects {
    ++attempt;
    return [&, id = job.id](db::Connection& sql) {
      insert_effect(sql, id, "written before the failure");
      if (attempt == 1) throw std::runtime_error("effects failed half-way");
    };
  });
  const auto job = enqueue();
  const Millis t0 = now_millis();
  EXPECT_EQ(queue.run_due(t0), 1);
  EXPECT_EQ(effects_of(job.id), 0);
  auto read = reread(queue, job.id);
  EXPECT_EQ(read.status, jobs::JobStatus::queued);
  EXPECT_EQ(read.last_error, "effects failed half-way");

  EXPECT_EQ(queue.run_due(t0 + 1000), 1);
  EXPECT_EQ(effects_of(job.id), 1);
  EXPECT_EQ(reread(queue, job.id).status, jobs::JobStatus::done);
}

TEST_P(JobsApi, ALapsedLeaseIsTakenOverAndTheFirstRunnerCannotCommit) {
  jobs::JobQueue crashed(database(), options()), survivor(database(), options());
  handle_with_effect(crashed);
  handle_with_effect(survivor);
  const auto job = enqueue();
  const Millis t0 = now_millis();

  const auto claimed = crashed.claim(t0);  // and then, say, kill -9
  ASSERT_TRUE(claimed.has_value());
  EXPECT_EQ(claimed->attempts, 1);
  EXPECT_EQ(reread(survivor, job.id).status, jobs::JobStatus::running);
  EXPECT_EQ(survivor.run_due(t0 + 30'000 - 1), 0);  // still leased
  EXPECT_EQ(survivor.run_due(t0 + 30'000), 1);
  EXPECT_EQ(effects_of(job.id), 1);
  const auto read = reread(survivor, job.id);
  EXPECT_EQ(read.status, jobs::JobStatus::done);
  EXPECT_EQ(read.attempts, 2);

  // The first runner was only slow, not dead: its late commit is refused.
  EXPECT_FALSE(crashed.run(*claimed, t0 + 30'001));
  EXPECT_EQ(effects_of(job.id), 1);
}

TEST_P(JobsApi, ALeaseThatLapsesOnTheLastAttemptLeavesTheJobDead) {
  jobs::JobQueue queue(database(), options());
  handle_with_effect(queue);
  const auto job = enqueue({}, 1);
  const Millis t0 = now_millis();
  ASSERT_TRUE(queue.claim(t0).has_value());
  EXPECT_EQ(queue.run_due(t0 + 60'000), 0);
  const auto read = reread(queue, job.id);
  EXPECT_EQ(read.status, jobs::JobStatus::dead);
  EXPECT_EQ(effects_of(job.id), 0);
  EXPECT_FALSE(read.last_error.empty());
}

TEST_P(JobsApi, TheHandlerRunsOutsideAnyTransaction) {
  jobs::JobQueue queue(database(), options());
  bool wrote_meanwhile = false;
  queue.handle(kKind, [&](const jobs::Job& job) -> jobs::JobEffects {
    // Stands for a slow outside call: another writer must get through (on
    // SQLite it would wait for ever if this ran inside the job's transaction).
    auto write = std::async(std::launch::async, [&] {
      database().transaction(
          [&](db::Connection& sql) { insert_effect(sql, job.id, "written meanwhile"); });
    });
    wrote_meanwhile = write.wait_for(10s) == std::future_status::ready;
    if (wrote_meanwhile) write.get();
    return {};
  });
  const auto job = enqueue();
  ASSERT_EQ(queue.run_due(), 1);
  EXPECT_TRUE(wrote_meanwhile);
  EXPECT_EQ(effects_of(job.id), 1);
  EXPECT_EQ(reread(queue, job.id).status, jobs::JobStatus::done);
}

// A batch is claimed under one lease and completed in one transaction; the
// jobs after it wait for the next claim.
TEST_P(JobsApi, ABatchIsClaimedTogetherAndCompletedTogether) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(enqueue().id);
  jobs::JobQueue queue(database(), options());
  handle_with_effect(queue);
  const Millis t0 = now_millis();

  const auto batch = queue.claim_batch(3, t0);
  ASSERT_EQ(batch.size(), 3u);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    EXPECT_EQ(batch[i].id, ids[i]) << "oldest first";
    EXPECT_EQ(batch[i].attempts, 1);
    EXPECT_EQ(batch[i].lease_owner, batch[0].lease_owner);
    EXPECT_EQ(reread(queue, ids[i]).status, jobs::JobStatus::running);
  }
  EXPECT_EQ(reread(queue, ids[3]).status, jobs::JobStatus::queued);

  EXPECT_EQ(queue.run_batch(batch, t0), 3);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(effects_of(ids[i]), 1) << "job " << ids[i];
  EXPECT_EQ(queue.claim_batch(8, t0).size(), 2u) << "the rest, and nothing done again";
}

// One job of a batch whose handler throws and one whose effects throw do not
// take the others down: the others are done once, the two are retried, and
// the failed effects left nothing.
TEST_P(JobsApi, AFailingJobInABatchLeavesTheOthersDone) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 4; ++i) ids.push_back(enqueue().id);
  const auto handler_fails = ids[1], effects_fail = ids[2];
  jobs::JobQueue queue(database(), options());
  queue.handle(kKind, [&](const jobs::Job& job) -> jobs::JobEffects {
    if (job.id == handler_fails) throw std::runtime_error("SMTP said 451");
    return [&, id = job.id](db::Connection& sql) {
      insert_effect(sql, id, "done");
      if (id == effects_fail) throw std::runtime_error("effects failed half-way");
    };
  });
  const Millis t0 = now_millis();
  const auto batch = queue.claim_batch(4, t0);
  ASSERT_EQ(batch.size(), 4u);
  EXPECT_EQ(queue.run_batch(batch, t0), 2);

  for (const auto id : {ids[0], ids[3]}) {
    EXPECT_EQ(effects_of(id), 1) << "job " << id;
    EXPECT_EQ(reread(queue, id).status, jobs::JobStatus::done);
  }
  EXPECT_EQ(effects_of(effects_fail), 0);
  EXPECT_EQ(reread(queue, effects_fail).last_error, "effects failed half-way");
  EXPECT_EQ(reread(queue, handler_fails).last_error, "SMTP said 451");
  for (const auto id : {handler_fails, effects_fail})
    EXPECT_EQ(reread(queue, id).status, jobs::JobStatus::queued) << "job " << id;
}

// A batch whose lease lapsed on one job while it ran: that job's completion
// belongs to the runner that took it over; the rest of the batch commits.
TEST_P(JobsApi, AJobTakenOverFromABatchIsSkippedWhenTheBatchCompletes) {
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(enqueue().id);
  jobs::JobQueue slow(database(), options()), other(database(), options());
  handle_with_effect(slow);
  handle_with_effect(other);
  const Millis t0 = now_millis();
  const auto batch = slow.claim_batch(3, t0);
  ASSERT_EQ(batch.size(), 3u);
  // Another runner takes one job over after the lease lapsed, and runs it.
  database().transaction([&](db::Connection& sql) {
    sql.session() << "UPDATE jobs SET lease_expires_at = " << t0 << " WHERE id = " << ids[1];
  });
  const auto taken = other.claim_batch(1, t0 + 1);
  ASSERT_EQ(taken.size(), 1u);
  ASSERT_EQ(taken[0].id, ids[1]);

  EXPECT_EQ(slow.run_batch(batch, t0 + 2), 2);
  EXPECT_EQ(effects_of(ids[1]), 0) << "the slow runner's effects were not applied";
  EXPECT_EQ(other.run_batch(taken, t0 + 3), 1);
  for (const auto id : ids) EXPECT_EQ(effects_of(id), 1) << "job " << id;
}

TEST_P(JobsApi, KindsWithoutAHandlerAreLeftForAnotherRunner) {
  const auto job = enqueue();
  jobs::JobQueue queue(database(), options());
  queue.handle("test.other", [](const jobs::Job&) { return jobs::JobEffects{}; });
  EXPECT_EQ(queue.run_due(), 0);
  EXPECT_EQ(reread(queue, job.id).status, jobs::JobStatus::queued);
}

}  // namespace
}  // namespace ps::testing
