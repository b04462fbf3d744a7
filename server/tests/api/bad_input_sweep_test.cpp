// Bad input never crashes the server, never answers 5xx and never loses
// data, on every operation, not only those whose bad input a test names:
// each operation the OpenAPI document describes gets malformed path
// parameters, query parameters, bodies and field values, as a careless or
// hostile client sends them, with no token, a buyer's and a vendor's, and
// malformed or forged headers.
// Every answer is below 500, every refusal is problem+json with a type, the
// server still answers afterwards, and the ledger still holds.

#include "accounts/refresh_cookie.h"
#include "api/checkout_test.h"
#include "http/read_after.h"
#include "support/ledger_invariants.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace ps::testing {
namespace {

namespace json = boost::json;
using boost::beast::http::verb;

// What a path parameter may be sent as: ids of objects that exist (the
// fixture's first shops, products and orders), of none, and what no id is.
const std::vector<std::string> kPathValues = {
    "1", "2", "0", "-1", "abc", "99999999999999999999", "1.5", "%00", "%ZZ", "%2e%2e%2f"};

// What a query parameter may be sent as.
const std::vector<std::string> kQueryValues = {"",    "-1",  "abc",    "99999999999999999999",
                                               "%00", "%ZZ", "%E2%82", std::string(3000, 'q')};

// Bodies that are not the object an operation reads: none, malformed, not an
// object, empty, a key twice, nested past any limit, not UTF-8.
const std::vector<std::string> kBadBodies = {"",
                                             "{",
                                             "[]",
                                             "null",
                                             "123",
                                             "\"text\"",
                                             "{}",
                                             "{\"a\":1,\"a\":2}",
                                             std::string(2000, '[') + std::string(2000, ']'),
                                             "{\"\xff\":1}"};

// Values of the wrong type, size or shape for any field.
std::vector<json::value> bad_field_values() {
  std::vector<json::value> values;
  values.emplace_back(nullptr);
  values.emplace_back(true);
  for (const long long number :
       {-1LL, 0LL, std::numeric_limits<long long>::max(), std::numeric_limits<long long>::min()})
    values.emplace_back(number);
  values.emplace_back(std::numeric_limits<unsigned long long>::max());
  for (const double number : {1e308, -0.5}) values.emplace_back(number);
  for (const std::string& text :
       {std::string(), std::string("   "), std::string(20000, 'x'), std::string("nul\0byte", 8),
        std::string("\x1b[31mred\n\r"), std::string("<script>alert(1)</script>"),
        std::string("ééé 日本 🙂")})
    values.emplace_back(text);
  values.emplace_back(json::object{{"nested", json::array{1, 2}}});
  values.emplace_back(json::array{"a", 1, nullptr});
  return values;
}

// The object a "$ref" ("#/components/<kind>/<name>") names, else the object.
const json::object& resolved(const json::object& doc, const json::object& object) {
  const auto* ref = object.if_contains("$ref");
  if (!ref) return object;
  const json::object* found = &doc;
  const std::string path(ref->as_string());
  for (std::size_t from = 2; from <= path.size();) {  // after "#/"
    const auto to = std::min(path.find('/', from), path.size());
    found = &found->at(path.substr(from, to - from)).as_object();
    from = to + 1;
  }
  return resolved(doc, *found);
}

// The schema's properties, with those of its allOf parts.
json::object properties_of(const json::object& doc, const json::object& schema) {
  const auto& own = resolved(doc, schema);
  json::object properties;
  if (const auto* listed = own.if_contains("properties")) properties = listed->as_object();
  if (const auto* parts = own.if_contains("allOf"))
    for (const auto& part : parts->as_array())
      for (const auto& [name, property] : properties_of(doc, part.as_object()))
        properties[name] = property;
  return properties;
}

// A value of the schema's shape, so that a body gets past its first checks
// and one bad field reaches the code behind them.
json::value plausible(const json::object& doc, const json::object& schema, int depth = 0) {
  const auto& own = resolved(doc, schema);
  if (const auto* choices = own.if_contains("enum")) return choices->as_array().front();
  std::string type = "object";
  if (const auto* declared = own.if_contains("type"))
    type = declared->is_string() ? std::string(declared->as_string())
                                 : std::string(declared->as_array().front().as_string());
  if (type == "string") return "x";
  if (type == "integer" || type == "number") return 1;
  if (type == "boolean") return true;
  if (type == "array") return json::array{};
  json::object object;
  if (depth < 3)
    for (const auto& [name, property] : properties_of(doc, own))
      object[name] = plausible(doc, property.as_object(), depth + 1);
  return object;
}

std::string with_path_value(const std::string& pattern, const std::string& value) {
  return std::regex_replace(pattern, std::regex("\\{[^}]+\\}"), value);
}

struct Operation {
  verb method;
  std::string pattern;
  const json::object* spec;
};

class BadInputSweep : public CheckoutTest {
 protected:
  void configure(Config& config) override {
    config.job_workers = 0;  // nothing changes behind the sweep's back
    config.payment_webhook_secret = "whsec_sweep";
  }

  void SetUp() override {
    CheckoutTest::SetUp();
    fill_cart(buyer, mug, 1);
    fill_cart(buyer, card, 1);
    ASSERT_EQ(checkout(buyer, checkout_body(kApproves)).status, 201);  // orders 1 and 2
    doc_ = client().get("/api/openapi.json").json().as_object();
  }

  void TearDown() override {
    EXPECT_EQ(client().get("/healthz").status, 200);
    const SqlNumber number = [this](const std::string& query) { return sql_number(query); };
    expect_ledger_balanced(number);
    expect_ledger_agrees_with_orders(number);
    CheckoutTest::TearDown();
  }

  std::vector<Operation> operations() const {
    std::vector<Operation> found;
    for (const auto& [path, item] : doc_.at("paths").as_object())
      for (const auto& [method, spec] : item.as_object()) {
        std::string name(method);
        std::ranges::transform(name, name.begin(), ::toupper);
        const auto parsed = boost::beast::http::string_to_verb(name);
        if (parsed == verb::unknown) continue;
        found.push_back({parsed, std::string(path), &spec.as_object()});
      }
    return found;
  }

  // Sends one request as `token` (none when empty).
  void send(const Operation& operation, const std::string& target, const std::string& body,
            const std::string& token) {
    Headers headers;
    if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
    send_with(operation, target, body, std::move(headers));
  }

  // Sends one request with these headers (and a JSON Content-Type unless
  // they name one) and keeps what is wrong with its answer, by operation.
  void send_with(const Operation& operation, const std::string& target, const std::string& body,
                 Headers headers) {
    const bool typed = std::ranges::any_of(
        headers, [](const auto& header) { return header.first == "Content-Type"; });
    if (!typed && (!body.empty() || operation.method != verb::get))
      headers.emplace_back("Content-Type", "application/json");
    const auto name =
        std::string(boost::beast::http::to_string(operation.method)) + " " + operation.pattern;
    std::string example = target.substr(0, 100) + " " + body.substr(0, 60);
    for (const auto& [field, value] : headers) example += " " + field + ": " + value.substr(0, 40);
    ++sent_;
    try {
      const auto result = client().request(operation.method, target, body, headers);
      if (result.status >= 500)
        wrong(name + ": " + std::to_string(result.status), example + " -> " + result.body);
      else if (result.status >= 400 && !refusal_is_problem(result))
        wrong(name + ": " + std::to_string(result.status) + " not problem+json", example);
    } catch (const std::exception& error) {
      wrong(name + ": no answer", example + " -> " + error.what());
    }
  }

  void wrong(const std::string& what, const std::string& example) {
    auto& [count, first] = failures_[what];
    if (count++ == 0) first = example.substr(0, 300);
  }

  static bool refusal_is_problem(const HttpResult& result) {
    if (result.header("content-type").rfind("application/problem+json", 0) != 0) return false;
    try {
      return result.json().as_object().at("type").is_string();
    } catch (const std::exception&) {
      return false;
    }
  }

  std::vector<std::string> tokens() const { return {"", buyer.access_token, clay.access_token}; }

  void expect_no_failures() {
    std::string listed;
    for (const auto& [what, seen] : failures_)
      listed += what + " (" + std::to_string(seen.first) + "x), e.g. " + seen.second + "\n";
    EXPECT_TRUE(failures_.empty()) << "wrong answers among " << sent_ << ":\n" << listed;
  }

  json::object doc_;
  std::map<std::string, std::pair<int, std::string>> failures_;  // what -> count, example
  int sent_ = 0;
};

POCKETSHOP_API_TEST(BadInputSweep);

TEST_P(BadInputSweep, MalformedPathAndQueryParametersAreRefusedCleanly) {
  for (const auto& operation : operations()) {
    const bool has_body = operation.method != verb::get && operation.method != verb::delete_;
    const std::string body = has_body ? "{}" : "";
    std::set<std::string> targets;
    for (const auto& value : kPathValues) targets.insert(with_path_value(operation.pattern, value));
    if (const auto* parameters = operation.spec->if_contains("parameters"))
      for (const auto& parameter : parameters->as_array()) {
        const auto& spec = resolved(doc_, parameter.as_object());
        if (spec.at("in").as_string() != "query") continue;
        const std::string name(spec.at("name").as_string());
        for (const auto& value : kQueryValues)
          targets.insert(with_path_value(operation.pattern, "1") + "?" + name + "=" + value);
      }
    for (const auto& target : targets)
      for (const auto& token : tokens()) send(operation, target, body, token);
  }
  EXPECT_GT(sent_, 1000);
  expect_no_failures();
}

TEST_P(BadInputSweep, MalformedBodiesAndFieldsAreRefusedCleanly) {
  int fields = 0;
  for (const auto& operation : operations()) {
    const auto* request_body = operation.spec->if_contains("requestBody");
    if (!request_body) continue;
    const std::string target = with_path_value(operation.pattern, "1");
    for (const auto& body : kBadBodies)
      for (const auto& token : tokens()) send(operation, target, body, token);
    const auto* content = request_body->at("content").as_object().if_contains("application/json");
    if (!content) continue;
    const auto& schema = content->at("schema").as_object();
    const auto base = plausible(doc_, schema).as_object();
    for (const auto& [name, property] : properties_of(doc_, schema)) {
      ++fields;
      for (const auto& value : bad_field_values()) {
        auto body = base;
        body[name] = value;
        for (const auto& token : {buyer.access_token, clay.access_token})
          send(operation, target, json::serialize(body), token);
      }
    }
  }
  EXPECT_GT(fields, 50);
  expect_no_failures();
}

TEST_P(BadInputSweep, MalformedHeadersAreRefusedCleanly) {
  std::string forged = buyer.access_token;  // its signature no longer matches
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  const std::string refresh_cookie(accounts::kRefreshCookieName);
  const std::vector<Headers> variants = {
      {{"Authorization", "Bearer"}},
      {{"Authorization", "Bearer "}},
      {{"Authorization", "Basic dXNlcjpwYXNzd29yZA=="}},
      {{"Authorization", "Bearer a.b.c"}},
      {{"Authorization", "Bearer " + std::string(8000, 'A')}},
      {{"Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIiwicm9sZSI6InZlbmRvciJ9."}},
      {{"Authorization", "Bearer " + forged}},
      {{"Authorization", "bearer " + buyer.access_token}, {"Authorization", "Bearer x"}},
      {{"Authorization", "Bearer " + buyer.access_token}, {"Idempotency-Key", ""}},
      {{"Authorization", "Bearer " + buyer.access_token},
       {"Idempotency-Key", std::string(400, 'k')}},
      {{"Authorization", "Bearer " + buyer.access_token}, {"If-None-Match", "*, W/\"x\", \"y"}},
      {{"Authorization", "Bearer " + clay.access_token},
       {"Content-Type", "application/json; charset=iso-8859-1"}},
      {{"Authorization", "Bearer " + clay.access_token}, {"Content-Type", "multipart/form-data"}},
      {{"Authorization", "Bearer " + clay.access_token}, {"Content-Type", "application/json;;=;"}},
      {{"X-Request-Id", "<script>\"'" + std::string(300, 'r')}},
      {{"Accept-Encoding", "gzip;q=abc, *;q=-1, br;q=2"}},
      {{"Cookie", refresh_cookie + "=%%%; " + refresh_cookie + "="}},
      {{"Range", "bytes=abc-"}},
      {{std::string(http::kReadAfterHeader), "not-a-position"},
       {"Cookie", std::string(http::kReadAfterCookie) + "=zz/zz"}},
  };
  for (const auto& operation : operations()) {
    const bool has_body = operation.method != verb::get && operation.method != verb::delete_;
    const std::string target = with_path_value(operation.pattern, "1");
    for (const auto& headers : variants)
      send_with(operation, target, has_body ? "{}" : "", headers);
  }
  EXPECT_GT(sent_, 1000);
  expect_no_failures();
}

}  // namespace
}  // namespace ps::testing
