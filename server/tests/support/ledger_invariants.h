#pragma once

// The ledger's invariants (issue 16), checked in SQL over the tables
// themselves after a test's scenario, on either database.

#include <functional>
#include <string>

namespace ps::testing {

// The one number a query answers in the database under test.
using SqlNumber = std::function<long long(const std::string& query)>;

// Double entry holds: every transaction has two entries or more and sums to
// zero, and every balance row is the sum of its account's entries.
void expect_ledger_balanced(const SqlNumber& number);

// The ledger agrees with the business events it stands for, per shop and
// currency: what a vendor is owed (pending and available) = earnings −
// refunds − payouts that did not fail − disputes' clawbacks; what is still
// pending is what the unreleased holds hold; the platform's revenue = fees −
// fees given back; the gateway's clearing = captured − refunded − disputed.
void expect_ledger_agrees_with_orders(const SqlNumber& number);

}  // namespace ps::testing
