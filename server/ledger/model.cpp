#include "ledger/model.h"

#include <stdexcept>
#include <string>

namespace ps::ledger {

namespace {
constexpr long long kBasisPointsPerWhole = 10'000;
}  // namespace

long long fee_for(long long amount, int bps) {
  if (amount < 0) throw std::invalid_argument("fee_for: a negative amount");
  if (bps < 0 || bps > kBasisPointsPerWhole) throw std::invalid_argument("fee_for: bps 0..10000");
  // amount * bps, split so that neither product overflows: whole multiples
  // of 10000 give an exact fee, and the remainder (< 10000) is rounded.
  const long long wholes = amount / kBasisPointsPerWhole;
  const long long rest = amount % kBasisPointsPerWhole;
  return wholes * bps + (rest * bps + kBasisPointsPerWhole / 2) / kBasisPointsPerWhole;
}

void check_postable(const LedgerTransaction& transaction) {
  const auto fail = [&](const std::string& why) {
    throw std::logic_error("ledger transaction " + transaction.kind + " " + transaction.reference +
                           ": " + why);
  };
  if (transaction.kind.empty() || transaction.reference.empty() || transaction.currency.empty())
    fail("needs a kind, a reference and a currency");
  if (transaction.entries.size() < 2) fail("needs at least two entries");
  long long sum = 0;
  for (const auto& entry : transaction.entries) {
    if (entry.account.empty()) fail("an entry without an account");
    if (entry.amount == 0) fail("a zero entry on " + entry.account);
    if (__builtin_add_overflow(sum, entry.amount, &sum)) fail("entries overflow");
  }
  if (sum != 0) fail("entries sum to " + std::to_string(sum) + ", not zero");
}

std::optional<LedgerTransaction> sale_of(std::int64_t order_id, std::int64_t shop_id,
                                         long long total_cents, const std::string& currency,
                                         int fee_bps) {
  if (total_cents == 0) return std::nullopt;
  const long long fee = fee_for(total_cents, fee_bps);
  LedgerTransaction sale{.kind = kinds::kSale,
                         .reference = std::to_string(order_id),
                         .currency = currency,
                         .memo = "Order " + std::to_string(order_id) + " captured"};
  sale.entries.push_back({chart::kGatewayClearing, total_cents});
  if (fee != 0) sale.entries.push_back({chart::kPlatformFees, -fee});
  if (total_cents != fee)
    sale.entries.push_back({chart::vendor_balance(shop_id), fee - total_cents});
  return sale;
}

LedgerTransaction refund_of(const LedgerTransaction& sale) {
  LedgerTransaction refund{.kind = kinds::kRefund,
                           .reference = sale.reference,
                           .currency = sale.currency,
                           .memo = "Order " + sale.reference + " refunded"};
  for (const auto& entry : sale.entries) refund.entries.push_back({entry.account, -entry.amount});
  return refund;
}

}  // namespace ps::ledger
