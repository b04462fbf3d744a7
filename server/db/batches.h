#pragma once

#include "db/database.h"

namespace ps::db {

// Deletes (or changes) rows a batch at a time, each batch in a short
// transaction of its own, so that a large purge never holds SQLite's write
// lock, or PostgreSQL's row locks, for long. `batch(sql, limit)` handles at
// most `limit` rows and returns how many; the batches stop at a short one.
// Returns the total.
template <class Batch>
long long in_batches(Database& database, Batch batch, int limit = 500) {
  long long total = 0;
  for (;;) {
    const int done = database.transaction([&](Connection& sql) { return batch(sql, limit); });
    total += done;
    if (done < limit) return total;
  }
}

}  // namespace ps::db
