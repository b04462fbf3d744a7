#include "support/stripe_shapes.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace ps::testing {

namespace json = boost::json;

namespace {
using Problems = std::vector<std::string>;

constexpr const char* kDataFile = POCKETSHOP_SERVER_SOURCES "/tests/data/stripe_api_shapes.json";

// The decoded form or query: each name's bracketed segments as a path.
struct Node {
  std::vector<std::string> values;
  std::map<std::string, Node> children;
};

std::string text(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string decoded(std::string_view encoded) {
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] == '+') {
      out += ' ';
    } else if (encoded[i] == '%') {
      const int high = i + 2 < encoded.size() ? hex_digit(encoded[i + 1]) : -1;
      const int low = i + 2 < encoded.size() ? hex_digit(encoded[i + 2]) : -1;
      if (high < 0 || low < 0) throw std::invalid_argument("a malformed %-escape");
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += encoded[i];
    }
  }
  return out;
}

// "a[b][]" as {"a", "b", ""}; empty when the brackets do not balance.
std::vector<std::string> segments_of(const std::string& name) {
  const auto open = name.find('[');
  std::vector<std::string> segments{name.substr(0, open)};
  if (segments.front().empty() || segments.front().find(']') != std::string::npos) return {};
  for (auto at = open; at != std::string::npos && at < name.size();) {
    const auto close = name.find(']', at);
    if (name[at] != '[' || close == std::string::npos) return {};
    segments.push_back(name.substr(at + 1, close - at - 1));
    if (segments.back().find('[') != std::string::npos) return {};
    at = close + 1;
  }
  return segments;
}

Node tree_of(const std::vector<std::pair<std::string, std::string>>& fields, Problems& out) {
  Node root;
  for (const auto& [name, value] : fields) {
    const auto segments = segments_of(name);
    if (segments.empty()) {
      out.push_back("\"" + name + "\" is not a name or a[b][c] path");
      continue;
    }
    Node* node = &root;
    for (const auto& segment : segments) node = &node->children[segment];
    node->values.push_back(value);
  }
  return root;
}

std::string joined(const Problems& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "; ") + part;
  return out;
}

std::string child_name(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "[" + key + "]";
}

void check(const json::object& schema, const Node& node, const std::string& name, Problems& out);

void check_value(const json::object& schema, const std::string& value, const std::string& name,
                 Problems& out) {
  static const std::regex integer("-?[0-9]+");
  static const std::regex number("-?[0-9]+(\\.[0-9]+)?");
  static const std::regex currency("[a-z]{3}");
  const std::string type = text(schema, "type");
  const std::string shown = name + "=" + value;
  if (type == "integer" && !std::regex_match(value, integer))
    out.push_back(shown + ": the reference wants an integer");
  if (type == "number" && !std::regex_match(value, number))
    out.push_back(shown + ": the reference wants a number");
  if (type == "boolean" && value != "true" && value != "false")
    out.push_back(shown + ": the reference wants a boolean (true or false)");
  if (type == "object" || type == "array")
    out.push_back(shown + ": the reference wants an " + type + " (" + name + "[...]=...)");
  if (const auto* max = schema.if_contains("maxLength");
      max && static_cast<std::int64_t>(value.size()) > max->to_number<std::int64_t>())
    out.push_back(name + " is " + std::to_string(value.size()) + " long; the reference allows " +
                  std::to_string(max->to_number<std::int64_t>()));
  if (const auto* allowed = schema.if_contains("enum")) {
    const auto& list = allowed->as_array();
    if (std::find(list.begin(), list.end(), json::value(value)) == list.end())
      out.push_back(shown + " is not one of the reference's values " + json::serialize(list));
  }
  if (text(schema, "format") == "currency" && !std::regex_match(value, currency))
    out.push_back(shown + ": the reference wants a three-letter currency code in lowercase");
}

void check_fields(const json::object& schema, const Node& node, const std::string& name,
                  Problems& out) {
  const auto* properties = schema.if_contains("properties");
  const auto* additional = schema.if_contains("additionalProperties");
  for (const auto& [key, child] : node.children) {
    const auto field = child_name(name, key);
    if (properties && properties->as_object().contains(key))
      check(properties->as_object().at(key).as_object(), child, field, out);
    else if (additional && additional->is_object())
      check(additional->as_object(), child, field, out);
    else if (!properties && !additional)
      out.push_back(field + ": the fields of " + name + " are not transcribed in " + kDataFile);
    else
      out.push_back(field + " is not a parameter the reference has");
  }
  if (const auto* required = schema.if_contains("required"))
    for (const auto& key : required->as_array())
      if (!node.children.contains(std::string(key.as_string())))
        out.push_back(child_name(name, std::string(key.as_string())) +
                      " is required by the reference and missing");
}

void check_items(const json::object& schema, const Node& node, const std::string& name,
                 Problems& out) {
  static const std::regex index("[0-9]*");
  const auto* items = schema.if_contains("items");
  const json::object item_schema = items ? items->as_object() : json::object{};
  for (const auto& [key, child] : node.children) {
    const auto item = child_name(name, key);
    if (!std::regex_match(key, index)) {
      out.push_back(item + ": " + name + " is an array; its items are " + name + "[] or " + name +
                    "[0]");
    } else if (key.empty() && child.children.empty()) {
      for (const auto& value : child.values) check_value(item_schema, value, item, out);
    } else {
      check(item_schema, child, item, out);
    }
  }
}

void check(const json::object& schema, const Node& node, const std::string& name, Problems& out) {
  if (const auto* alternatives = schema.if_contains("anyOf")) {
    Problems tried;
    for (const auto& alternative : alternatives->as_array()) {
      Problems mine;
      check(alternative.as_object(), node, name, mine);
      if (mine.empty()) return;
      tried.push_back(mine.front());
    }
    out.push_back(name + " fits none of the reference's forms (" + joined(tried) + ")");
    return;
  }
  const std::string type = text(schema, "type");
  if (!node.children.empty()) {
    if (!node.values.empty()) out.push_back(name + " has both a value and fields");
    if (type == "object")
      check_fields(schema, node, name, out);
    else if (type == "array")
      check_items(schema, node, name, out);
    else
      out.push_back(name + " has fields, but the reference makes it a " + type);
    return;
  }
  if (node.values.size() > 1)
    out.push_back(name + " is given " + std::to_string(node.values.size()) + " times");
  for (const auto& value : node.values) check_value(schema, value, name, out);
}

std::vector<std::string> path_segments(std::string_view path) {
  std::vector<std::string> segments;
  std::string part;
  std::istringstream in{std::string(path)};
  while (std::getline(in, part, '/'))
    if (!part.empty()) segments.push_back(part);
  return segments;
}

bool is_parameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

void check_query(const json::object& operation, const Node& root, Problems& out) {
  const auto* query = operation.if_contains("query");
  for (const auto& [key, child] : root.children) {
    if (query && query->as_object().contains(key))
      check(query->as_object().at(key).as_object(), child, key, out);
    else
      out.push_back("query parameter " + key + " is not one the reference has");
  }
  if (query)
    for (const auto& parameter : query->as_object()) {
      const auto* required = parameter.value().as_object().if_contains("required");
      const std::string key(parameter.key());
      if (required && required->as_bool() && !root.children.contains(key))
        out.push_back("query parameter " + key + " is required by the reference");
    }
}

void check_form(const json::object& operation, const WireRequest& request, Problems& out) {
  if (!request.header("content-type").starts_with("application/x-www-form-urlencoded"))
    out.push_back("the body is \"" + request.header("content-type") +
                  "\", not application/x-www-form-urlencoded");
  if (request.body.empty() && operation.at("body_required").as_bool())
    out.push_back("the reference requires a body");
  json::object body{{"type", "object"},
                    {"properties", operation.at("properties")},
                    {"required", operation.at("required")}};
  try {
    const auto root = tree_of(form_fields(request.body), out);
    check(body, root, "", out);
  } catch (const std::invalid_argument& error) {
    out.push_back(std::string("the body does not decode: ") + error.what());
  }
}
}  // namespace

std::vector<std::pair<std::string, std::string>> form_fields(const std::string& encoded) {
  std::vector<std::pair<std::string, std::string>> fields;
  std::string pair;
  std::istringstream in(encoded);
  while (std::getline(in, pair, '&')) {
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    if (equals == std::string::npos) throw std::invalid_argument("\"" + pair + "\" has no =");
    fields.emplace_back(decoded(std::string_view(pair).substr(0, equals)),
                        decoded(std::string_view(pair).substr(equals + 1)));
  }
  return fields;
}

const StripeShapes& StripeShapes::reference() {
  static const StripeShapes shapes = [] {
    std::ifstream file(kDataFile);
    if (!file) throw std::runtime_error(std::string("cannot read ") + kDataFile);
    std::stringstream text;
    text << file.rdbuf();
    return StripeShapes(json::parse(text.str()).as_object());
  }();
  return shapes;
}

StripeShapes::StripeShapes(json::object document)
    : source_(text(document, "source")), operations_(document.at("operations").as_object()) {}

std::string StripeShapes::operation_of(const std::string& method, const std::string& path) const {
  const auto wanted = path_segments(path);
  for (const auto& operation : operations_) {
    const std::string key(operation.key());
    const auto space = key.find(' ');
    if (key.substr(0, space) != method) continue;
    const auto segments = path_segments(key.substr(space + 1));
    if (segments.size() != wanted.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < segments.size() && same; ++i)
      same = is_parameter(segments[i]) ? !wanted[i].empty() : segments[i] == wanted[i];
    if (same) return key;
  }
  return {};
}

std::vector<std::string> StripeShapes::problems(const WireRequest& request) const {
  const auto question = request.target.find('?');
  const std::string path = request.target.substr(0, question);
  const std::string query =
      question == std::string::npos ? "" : request.target.substr(question + 1);
  const auto operation = operation_of(request.method, path);
  if (operation.empty())
    return {request.method + " " + path + " is not an operation of the reference"};
  const auto& shape = operations_.at(operation).as_object();
  Problems out;
  if (const auto* parameters = shape.if_contains("path_parameters")) {
    const auto templated = path_segments(operation.substr(operation.find(' ') + 1));
    const auto sent = path_segments(path);
    for (std::size_t i = 0; i < templated.size(); ++i)
      if (is_parameter(templated[i]))
        check_value(parameters->at(templated[i].substr(1, templated[i].size() - 2)).as_object(),
                    decoded(sent[i]), templated[i], out);
  }
  if (request.method == "GET") {
    if (!request.body.empty()) out.push_back("a GET with a body");
    try {
      check_query(shape, tree_of(form_fields(query), out), out);
    } catch (const std::invalid_argument& error) {
      out.push_back(std::string("the query does not decode: ") + error.what());
    }
  } else {
    if (!query.empty()) out.push_back("a " + request.method + " with a query string");
    check_form(shape, request, out);
  }
  return out;
}

}  // namespace ps::testing
