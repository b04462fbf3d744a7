#include "addresses/routes.h"

#include "http/json_input.h"
#include "orders/json.h"

#include <boost/json.hpp>

namespace ps::addresses {

namespace {
using boost::asio::awaitable;
using http::Request;
using http::Response;

boost::json::object address_json(const std::optional<orders::ShippingAddress>& address) {
  if (!address) return {{"address", nullptr}};
  return {{"address", boost::json::parse(orders::to_storage_text(*address))}};
}
}  // namespace

void add_routes(http::Router& router, AddressesService& addresses,
                const accounts::Authenticator& auth, WorkerPool& workers) {
  using http::bhttp::verb;

  router.add(verb::get, "/api/me/address", [&](Request& request) -> awaitable<Response> {
    const auto user = co_await auth.require_user(request);
    auto saved = co_await workers.run(request.request_id, [&] { return addresses.saved(user.id); });
    co_return http::json_response(200, address_json(saved));
  });

  router.add(verb::put, "/api/me/address", [&](Request& request) -> awaitable<Response> {
    const auto user = co_await auth.require_user(request);
    const auto body = http::parse_json_object(request);
    http::JsonFields fields(body);
    const auto address = orders::read_shipping_address(fields);
    fields.finish();
    auto saved =
        co_await workers.run(request.request_id, [&] { return addresses.save(user.id, address); });
    co_return http::json_response(200, address_json(saved));
  });

  router.add(verb::delete_, "/api/me/address", [&](Request& request) -> awaitable<Response> {
    const auto user = co_await auth.require_user(request);
    co_await workers.run(request.request_id, [&] { addresses.forget(user.id); });
    co_return http::empty_response(204);
  });
}

}  // namespace ps::addresses
