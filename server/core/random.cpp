#include "core/random.h"

#include <sodium.h>
#include <xxhash.h>

#include <cstdint>
#include <random>
#include <stdexcept>
#include <vector>

namespace ps {

namespace {
void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}
}  // namespace

std::string random_token(std::size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> buffer(bytes);
  randombytes_buf(buffer.data(), buffer.size());
  const auto variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string encoded(sodium_base64_ENCODED_LEN(bytes, variant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), buffer.data(), buffer.size(), variant);
  encoded.resize(encoded.find('\0'));
  return encoded;
}

std::string random_hex(std::size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> buffer(bytes);
  randombytes_buf(buffer.data(), buffer.size());
  return to_hex(buffer.data(), buffer.size());
}

std::string unique_id_hex() {
  thread_local std::mt19937_64 generator = [] {
    ensure_sodium();
    std::seed_seq::result_type seeds[8];
    randombytes_buf(seeds, sizeof seeds);
    std::seed_seq sequence(std::begin(seeds), std::end(seeds));
    return std::mt19937_64(sequence);
  }();
  const std::uint64_t value = generator();
  unsigned char bytes[sizeof value];
  for (std::size_t i = 0; i < sizeof value; ++i)
    bytes[i] = static_cast<unsigned char>(value >> (8 * i));
  return to_hex(bytes, sizeof bytes);
}

std::string sha256_hex(std::string_view data) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return to_hex(digest, sizeof digest);
}

// XXH3 rather than a cryptographic hash: a validator only has to change when
// the body does, and BLAKE2b over every answer was 7 % of a product list.
std::string digest_hex(std::string_view data) {
  XXH128_canonical_t digest;
  XXH128_canonicalFromHash(&digest, XXH3_128bits(data.data(), data.size()));
  return to_hex(digest.digest, sizeof digest.digest);
}

}  // namespace ps
