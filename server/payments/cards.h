#pragma once

#include "core/cards.h"

namespace ps::payments {

// The card functions live in core, shared with the test-mode gateway.
using ps::card_brand;
using ps::card_last4;
using ps::passes_luhn;

}  // namespace ps::payments
