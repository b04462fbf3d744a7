#include "payouts/model.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <map>
#include <utility>

namespace ps::payouts {

namespace {
constexpr std::array<std::pair<PayoutSchedule, std::string_view>, 3> kSchedules{
    {{PayoutSchedule::manual, "manual"},
     {PayoutSchedule::daily, "daily"},
     {PayoutSchedule::weekly, "weekly"}}};
constexpr std::array<std::pair<PayoutStatus, std::string_view>, 4> kStatuses{
    {{PayoutStatus::pending, "pending"},
     {PayoutStatus::in_transit, "in_transit"},
     {PayoutStatus::paid, "paid"},
     {PayoutStatus::failed, "failed"}}};
}  // namespace

std::string_view to_string(PayoutSchedule schedule) {
  for (const auto& [value, name] : kSchedules)
    if (value == schedule) return name;
  return "manual";
}

std::optional<PayoutSchedule> parse_schedule(std::string_view text) {
  for (const auto& [value, name] : kSchedules)
    if (name == text) return value;
  return std::nullopt;
}

std::string_view to_string(PayoutStatus status) {
  for (const auto& [value, name] : kStatuses)
    if (value == status) return name;
  return "pending";
}

std::string_view to_string(EarningsStatus status) {
  switch (status) {
    case EarningsStatus::pending:
      return "pending";
    case EarningsStatus::available:
      return "available";
    case EarningsStatus::in_payout:
      return "in_payout";
    case EarningsStatus::paid_out:
      return "paid_out";
  }
  return "pending";
}

OrderEarnings with_coverage(ledger::OrderEarnings earnings, const std::optional<Coverage>& payout) {
  OrderEarnings order{.earnings = std::move(earnings)};
  if (payout) {
    order.payout_id = payout->payout_id;
    order.status =
        payout->status == PayoutStatus::paid ? EarningsStatus::paid_out : EarningsStatus::in_payout;
  } else {
    order.status = order.earnings.released ? EarningsStatus::available : EarningsStatus::pending;
  }
  return order;
}

std::optional<PayoutStatus> parse_payout_status(std::string_view text) {
  for (const auto& [value, name] : kStatuses)
    if (name == text) return value;
  return std::nullopt;
}

bool allowed(PayoutStatus from, PayoutStatus to) {
  using enum PayoutStatus;
  switch (from) {
    case pending:
      return to == in_transit || to == paid || to == failed;
    case in_transit:
      return to == paid || to == failed;
    case paid:
    case failed:
      return false;
  }
  return false;
}

std::string period_key(PayoutSchedule schedule, Millis at) {
  using namespace std::chrono;
  auto day = floor<days>(sys_time<milliseconds>(milliseconds(at)));
  if (schedule == PayoutSchedule::weekly) {
    const weekday wd{day};
    day -= days((wd.c_encoding() + 6) % 7);  // back to Monday
  }
  const year_month_day date{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return std::string(to_string(schedule)) + ":" + text;
}

std::string failure_reason(std::string_view failure_code) {
  static const std::map<std::string, std::string, std::less<>> kReasons{
      {"account_closed", "the bank account has been closed"},
      {"account_frozen", "the bank account is frozen"},
      {"bank_account_restricted", "the bank account does not take this kind of payment"},
      {"could_not_process", "the bank could not process it"},
      {"declined", "the bank declined it"},
      {"incorrect_account_holder_name", "the account holder's name does not match"},
      {"invalid_account_number", "the account number is not valid"},
      {"invalid_currency", "the bank account does not take this currency"},
      {"no_account", "the bank could not find the account"},
  };
  if (const auto known = kReasons.find(failure_code); known != kReasons.end()) return known->second;
  if (failure_code.starts_with("transfer_"))
    return "the payment gateway refused the transfer to your payout account";
  return "the bank or the payment gateway refused it";
}

}  // namespace ps::payouts
