#pragma once

#include <cstdint>
#include <string_view>

namespace ps::payments {

// What a Stripe-Signature header says of a webhook body.
enum class SignatureCheck {
  valid,
  malformed,  // no t=, no v1=, or a t= that is not a number
  mismatch,   // no v1= is the HMAC of this body under our secret
  stale,      // authentic, but signed too long ago (or too far ahead): a replay
};

// Checks a webhook's Stripe-Signature header, "t=<unix seconds>,v1=<hex>[,v1=<hex>...]"
// (other schemes, such as v0=, are ignored): some v1 must be the hex HMAC-
// SHA256 of "<t>.<body>" keyed with the whole endpoint secret (whsec_...),
// compared in constant time (libsodium), and t must be within `tolerance`
// seconds of `now` either way. Several v1 values let the sender sign with an
// old and a new secret while the secret is rolled.
SignatureCheck check_signature(std::string_view header, std::string_view body,
                               std::string_view secret, std::int64_t now_seconds,
                               std::int64_t tolerance_seconds = 300);

}  // namespace ps::payments
