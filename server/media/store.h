#pragma once

#include "core/clock.h"
#include "db/connection.h"
#include "media/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ps::media {

// SQL for the images table; no business rules here.
namespace store {
std::int64_t insert_image(db::Connection& sql, const Image& image);
// For a transaction that is about to show the image: on PostgreSQL the row
// is locked against its deletion (delete_unused_images skips it).
std::optional<Image> find_image_to_attach(db::Connection& sql, std::int64_t id);
// Any earlier upload of the same bytes (whoever uploaded them).
std::optional<Image> find_image_by_sha256(db::Connection& sql, const std::string& sha256);
// One query per 500 distinct ids; ordered by id.
std::vector<Image> find_images(db::Connection& sql, const std::vector<std::int64_t>& ids);

// Until the transaction ends, no other transaction that takes the same
// key's lock runs (PostgreSQL: an advisory lock; SQLite's write
// transactions run one at a time already).
void lock_key(db::Connection& sql, const std::string& sha256);

// Images that may have become unused (uploaded, or detached from what
// showed them: the triggers of migration 030), oldest first.
std::vector<std::int64_t> unused_image_candidates(db::Connection& sql, Millis unused_before,
                                                  int limit);
// Deletes those of `ids` that were created and unused before
// `unused_before` and that nothing shows; returns how many. Locks the rows
// first, so that an image attached meanwhile is seen as used.
long long delete_unused_images(db::Connection& sql, const std::vector<std::int64_t>& ids,
                               Millis unused_before);
// Forgets the candidates among `ids` that were checked: older than
// `unused_before`, and deleted or in use; returns how many.
long long forget_candidates(db::Connection& sql, const std::vector<std::int64_t>& ids,
                            Millis unused_before);

// The keys of files queued for deletion (their image rows were deleted).
std::vector<std::string> keys_with_unused_files(db::Connection& sql, int limit);
// The queued files of a key that no image row names.
std::vector<std::string> unnamed_files(db::Connection& sql, const std::string& sha256);
void forget_unused_files(db::Connection& sql, const std::string& sha256);
}  // namespace store

}  // namespace ps::media
