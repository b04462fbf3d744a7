#include "ledger/model.h"

#include <algorithm>
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

long long fee_of(long long total_cents, const FeeRule& rule) {
  if (rule.fixed_cents < 0) throw std::invalid_argument("fee_of: a negative fixed fee");
  const long long percentage = fee_for(total_cents, rule.bps);  // <= the total
  return percentage + std::min(rule.fixed_cents, total_cents - percentage);
}

long long fee_reversed_through(long long fee, long long total, long long refunded) {
  if (refunded < 0 || refunded > total || fee < 0 || fee > total)
    throw std::invalid_argument("fee_reversed_through: needs 0 <= refunded, fee <= total");
  if (total == 0) return 0;
  // fee * refunded can exceed 64 bits; the quotient cannot exceed fee.
  return static_cast<long long>(static_cast<__int128>(fee) * refunded / total);
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
                                         long long fee) {
  if (total_cents == 0) return std::nullopt;
  LedgerTransaction sale{.kind = kinds::kSale,
                         .reference = std::to_string(order_id),
                         .currency = currency,
                         .memo = "Order " + std::to_string(order_id) + " captured"};
  sale.entries.push_back({chart::kGatewayClearing, total_cents});
  if (fee != 0) sale.entries.push_back({chart::kPlatformFees, -fee});
  if (total_cents != fee)
    sale.entries.push_back({chart::vendor_pending(shop_id), fee - total_cents});
  return sale;
}

LedgerTransaction refund_of(std::string reference, const std::string& vendor_account,
                            const std::string& currency, long long amount_cents,
                            long long fee_back_cents) {
  LedgerTransaction refund{
      .kind = kinds::kRefund, .reference = std::move(reference), .currency = currency};
  refund.memo = "Refund " + refund.reference;
  refund.entries.push_back({chart::kGatewayClearing, -amount_cents});
  if (fee_back_cents != 0) refund.entries.push_back({chart::kPlatformFees, fee_back_cents});
  if (amount_cents != fee_back_cents)
    refund.entries.push_back({vendor_account, amount_cents - fee_back_cents});
  return refund;
}

std::optional<LedgerTransaction> release_of(const Hold& hold) {
  if (hold.amount == 0) return std::nullopt;
  return LedgerTransaction{.kind = kinds::kRelease,
                           .reference = hold.reference,
                           .currency = hold.currency,
                           .memo = "Order " + hold.reference + " earnings released",
                           .entries = {{chart::vendor_pending(hold.shop_id), hold.amount},
                                       {chart::vendor_balance(hold.shop_id), -hold.amount}}};
}

}  // namespace ps::ledger
