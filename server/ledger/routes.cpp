#include "ledger/routes.h"

#include "http/query_input.h"
#include "ledger/json.h"

#include <boost/json.hpp>

namespace ps::ledger {

namespace {
using boost::asio::awaitable;
using http::Request;
using http::Response;
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
}

}  // namespace ps::ledger
