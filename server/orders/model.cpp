#include "orders/model.h"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <cctype>
#include <map>

#include <boost/json.hpp>

#include <array>
#include <utility>

namespace ps::orders {

namespace {
constexpr std::array<std::pair<OrderStatus, std::string_view>, 6> kOrderStatusNames{{
    {OrderStatus::paid, "paid"},
    {OrderStatus::processing, "processing"},
    {OrderStatus::shipped, "shipped"},
    {OrderStatus::delivered, "delivered"},
    {OrderStatus::cancelled, "cancelled"},
    {OrderStatus::refunded, "refunded"},
}};

constexpr std::array<std::pair<PaymentStatus, std::string_view>, 4> kPaymentStatusNames{{
    {PaymentStatus::authorized, "authorized"},
    {PaymentStatus::captured, "captured"},
    {PaymentStatus::voided, "voided"},
    {PaymentStatus::refunded, "refunded"},
}};

// Every move an order may make; anything else is refused.
constexpr std::array<std::pair<OrderStatus, OrderStatus>, 8> kTransitions{{
    {OrderStatus::paid, OrderStatus::processing},
    {OrderStatus::paid, OrderStatus::shipped},
    {OrderStatus::processing, OrderStatus::shipped},
    {OrderStatus::shipped, OrderStatus::delivered},
    {OrderStatus::paid, OrderStatus::cancelled},
    {OrderStatus::processing, OrderStatus::cancelled},
    {OrderStatus::shipped, OrderStatus::refunded},
    {OrderStatus::delivered, OrderStatus::refunded},
}};

template <class Names, class Status>
std::string_view name_in(const Names& names, Status status) {
  for (const auto& [value, name] : names)
    if (value == status) return name;
  return {};
}

template <class Status, class Names>
std::optional<Status> parse_in(const Names& names, std::string_view text) {
  for (const auto& [value, name] : names)
    if (name == text) return value;
  return std::nullopt;
}
}  // namespace

std::string_view to_string(OrderStatus status) { return name_in(kOrderStatusNames, status); }
std::string_view to_string(PaymentStatus status) { return name_in(kPaymentStatusNames, status); }

std::optional<OrderStatus> parse_order_status(std::string_view text) {
  return parse_in<OrderStatus>(kOrderStatusNames, text);
}

std::optional<PaymentStatus> parse_payment_status(std::string_view text) {
  return parse_in<PaymentStatus>(kPaymentStatusNames, text);
}

const std::vector<OrderStatus>& all_order_statuses() {
  static const std::vector<OrderStatus> statuses = [] {
    std::vector<OrderStatus> all;
    for (const auto& [status, name] : kOrderStatusNames) all.push_back(status);
    return all;
  }();
  return statuses;
}

bool allowed(OrderStatus from, OrderStatus to) {
  for (const auto& [a, b] : kTransitions)
    if (a == from && b == to) return true;
  return false;
}

long long OrderView::refunded_cents() const {
  long long sum = 0;
  for (const auto& refund : refunds) sum += refund.amount_cents;
  return sum;
}

long long OrderView::fee_reversed_cents() const {
  long long sum = 0;
  for (const auto& refund : refunds) sum += refund.fee_reversed_cents;
  return sum;
}

long long OrderView::held_by_dispute_cents() const {
  return dispute && dispute->status != "won" ? disputed_cents : 0;
}

std::string fingerprint_of(const RefundRequest& request) {
  boost::json::array items;
  for (const auto& item : request.items)
    items.push_back({{"product_id", item.product_id}, {"quantity", item.quantity}});
  boost::json::object fields{{"items", std::move(items)},
                             {"everything_left", request.everything_left},
                             {"reason", request.reason}};
  if (request.amount_cents) fields["amount_cents"] = *request.amount_cents;
  return boost::json::serialize(fields);
}

std::string to_storage_text(const ShippingAddress& a) {
  boost::json::object fields{{"name", a.name},
                             {"line1", a.line1},
                             {"line2", a.line2},
                             {"city", a.city},
                             {"postal_code", a.postal_code},
                             {"country", a.country}};
  if (!a.region.empty()) fields["region"] = a.region;
  return boost::json::serialize(fields);
}

ShippingAddress address_from_storage(const std::string& text) {
  boost::system::error_code ec;
  const auto value = boost::json::parse(text, ec);
  ShippingAddress address;
  if (ec || !value.is_object()) return address;
  const auto& fields = value.as_object();
  auto field = [&](std::string_view name) {
    const auto* found = fields.if_contains(name);
    return found && found->is_string() ? std::string(found->as_string()) : std::string();
  };
  address.name = field("name");
  address.line1 = field("line1");
  address.line2 = field("line2");
  address.city = field("city");
  address.postal_code = field("postal_code");
  address.country = field("country");
  address.region = field("region");
  return address;
}

std::string place_line(const ShippingAddress& address) {
  std::string country;
  for (const char c : address.country)
    country += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const bool city_first = country == "US" || country == "CA" || country == "AU";
  const std::string region = address.region.empty() ? "" : ", " + address.region;
  return city_first ? address.city + region + " " + address.postal_code
                    : address.postal_code + " " + address.city + region;
}

std::string tracking_url(std::string_view carrier, std::string_view tracking_number) {
  static const std::map<std::string, std::string_view, std::less<>> kPages{
      {"ups", "https://www.ups.com/track?tracknum="},
      {"usps", "https://tools.usps.com/go/TrackConfirmAction?tLabels="},
      {"fedex", "https://www.fedex.com/fedextrack/?trknbr="},
      {"dhl", "https://www.dhl.com/global-en/home/tracking.html?tracking-id="},
      {"royal mail", "https://www.royalmail.com/track-your-item#/tracking-results/"},
      {"canada post",
       "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor="},
      {"australia post", "https://auspost.com.au/mypost/track/details/"},
      {"la poste", "https://www.laposte.fr/outils/suivre-vos-envois?code="},
      {"dpd", "https://tracking.dpd.de/status/en_US/parcel/"}};
  std::string key;
  for (const char c : carrier)
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto page = kPages.find(key);
  if (page == kPages.end() || tracking_number.empty()) return {};
  return std::string(page->second) +
         boost::urls::encode(tracking_number, boost::urls::unreserved_chars);
}

}  // namespace ps::orders
