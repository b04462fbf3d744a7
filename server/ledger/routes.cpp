#include "ledger/routes.h"

#include "http/query_input.h"
#include "ledger/csv.h"
#include "ledger/json.h"

#include <boost/json.hpp>

#include <chrono>

namespace ps::ledger {

namespace {
using boost::asio::awaitable;
using http::Request;
using http::Response;

// The longest range one CSV export may cover, in days (both ends included).
constexpr int kMaxExportDays = 366;

// Midnight UTC of a "YYYY-MM-DD" day, or nullopt for anything else.
std::optional<Millis> day_start(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    int value = 0;
    for (const char c : text.substr(at, length)) {
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    return value;
  };
  const auto year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (!year || !month || !day) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year),
                                         std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  const auto since_epoch = std::chrono::sys_days(date).time_since_epoch();
  return std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count();
}

// A required day parameter; a field error (and nullopt) when absent or not a day.
std::optional<Millis> day_field(const Request& request, http::QueryFields& query,
                                std::string_view name) {
  const auto text = request.query(name);
  auto start = text ? day_start(*text) : std::nullopt;
  if (!start) query.fail(name, "Give a day as YYYY-MM-DD.");
  return start;
}

// [from, until) of ?from=YYYY-MM-DD&to=YYYY-MM-DD, `to` included; 422 with
// field errors for days that are missing or not days, `to` before `from`, or
// a range longer than kMaxExportDays.
std::pair<Millis, Millis> export_range(const Request& request, http::QueryFields& query) {
  const auto from = day_field(request, query, "from");
  const auto to = day_field(request, query, "to");
  if (from && to && *to < *from) query.fail("to", "The last day cannot be before the first.");
  if (from && to && *to - *from >= kMaxExportDays * kDayMillis)
    query.fail("to", "Export at most " + std::to_string(kMaxExportDays) + " days at a time.");
  query.finish();
  return {*from, *to + kDayMillis};
}

Response csv_attachment(std::string body, const std::string& filename) {
  Response response{http::bhttp::status::ok, 11};
  response.set(http::bhttp::field::content_type, "text/csv; charset=utf-8");
  response.set(http::bhttp::field::content_disposition,
               "attachment; filename=\"" + filename + "\"");
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}
}  // namespace

void add_routes(http::Router& router, LedgerService& ledger, const accounts::Authenticator& auth,
                WorkerPool& workers) {
  using http::bhttp::verb;

  router.add(verb::get, "/api/my/balance", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    http::QueryFields query(request);
    query.finish();
    auto balances =
        co_await workers.run(request.request_id, [&] { return ledger.balances(vendor.id); });
    co_return http::json_response(200, to_json(balances));
  });

  router.add(verb::get, "/api/my/statement", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    http::QueryFields query(request);
    const auto page = query.page(20, 100);
    query.finish();
    auto statement =
        co_await workers.run(request.request_id, [&] { return ledger.statement(vendor.id, page); });
    co_return http::json_response(200, to_json(statement, page));
  });

  router.add(verb::get, "/api/my/statement.csv", [&](Request& request) -> awaitable<Response> {
    const auto vendor = co_await auth.require_role(request, accounts::Role::vendor);
    http::QueryFields query(request);
    const auto [from, until] = export_range(request, query);
    auto lines = co_await workers.run(
        request.request_id, [&] { return ledger.statement_between(vendor.id, from, until); });
    // The days were checked to be YYYY-MM-DD, so they are safe in a filename.
    const auto filename = "statement-" + std::string(*request.query("from")) + "-to-" +
                          std::string(*request.query("to")) + ".csv";
    co_return csv_attachment(statement_csv(lines), filename);
  });
}

}  // namespace ps::ledger
