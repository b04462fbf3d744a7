#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ps {

// Cryptographically secure random bytes (libsodium), URL-safe base64 without padding.
std::string random_token(std::size_t bytes);
// Lower-case hex of secure random bytes.
std::string random_hex(std::size_t bytes);
// SHA-256 of the input, lower-case hex.
std::string sha256_hex(std::string_view data);
// A fast 128-bit digest (XXH3), lower-case hex: for ETags, never for secrets.
std::string digest_hex(std::string_view data);

}  // namespace ps
