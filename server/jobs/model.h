#pragma once

// Jobs as plain data: work that runs after the transaction that asked for it
// committed, with retries, on any instance (queue.h runs them).

#include "core/clock.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ps::jobs {

// queued -> running -> done; running -> queued again after a failure (with
// backoff) or when its lease lapsed; -> dead after its last attempt failed.
enum class JobStatus { queued, running, done, dead };

std::string_view to_string(JobStatus status);
std::optional<JobStatus> parse_job_status(std::string_view text);

struct Job {
  std::int64_t id = 0;
  std::string kind;        // picks the handler
  std::string payload;     // JSON text, the handler's input
  std::string dedupe_key;  // empty: none
  JobStatus status = JobStatus::queued;
  int attempts = 0;  // started so far, including the one running
  int max_attempts = 0;
  Millis run_at = 0;
  std::string lease_owner;  // while running: the claim's token
  Millis lease_expires_at = 0;
  std::string last_error;  // short and escaped: safe to log and show
  Millis created_at = 0;
  Millis updated_at = 0;
};

// What enqueue() is asked to add.
struct NewJob {
  std::string kind;
  std::string payload = "{}";
  // Enqueueing a key that a job already has adds nothing and returns that
  // job: "do this once per <event>". Empty: no key.
  std::string dedupe_key;
  int max_attempts = 8;
  Millis run_at = 0;  // 0: now
};

// How long a failed job waits before its next attempt (attempts: how many
// have run, >= 1): first_retry doubled per attempt after the first, at most
// max_retry.
Millis retry_delay(int attempts, Millis first_retry, Millis max_retry);

// An error message as a job keeps it: at most max_bytes (cut at a character
// boundary), control and format characters and ill-formed UTF-8 written as
// \xNN or \u{...}, so it is safe in a log line or a terminal.
std::string short_error(std::string_view message, std::size_t max_bytes = 500);

}  // namespace ps::jobs
