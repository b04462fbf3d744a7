#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ps {

// Cryptographically secure random bytes (libsodium), URL-safe base64 without padding.
std::string random_token(std::size_t bytes);
// Lower-case hex of secure random bytes.
std::string random_hex(std::size_t bytes);
// Lower-case hex of 8 bytes from this thread's generator, seeded once from
// secure random bytes: an id that tells requests apart in logs, made without
// the system call random_hex costs each time (2 % of a product detail's CPU).
// Never for secrets: its next values follow from the ones seen.
std::string unique_id_hex();
// SHA-256 of the input, lower-case hex.
std::string sha256_hex(std::string_view data);
// A fast 128-bit digest (XXH3), lower-case hex: for ETags, never for secrets.
std::string digest_hex(std::string_view data);

}  // namespace ps
