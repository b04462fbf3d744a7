#include "gateway/form.h"

#include "gateway/errors.h"

#include <algorithm>
#include <charconv>

namespace ps::gateway {

namespace {
constexpr std::size_t kMaxParameters = 500;
constexpr std::size_t kMaxKeyLength = 200;
constexpr std::size_t kMaxMetadataKeys = 50;
constexpr std::size_t kMaxMetadataKeyLength = 40;
constexpr std::size_t kMaxMetadataValueLength = 500;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      const int high = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
      const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
      if (high < 0 || low < 0)
        throw invalid_request("Invalid request body: a '%' is not followed by two hex digits.");
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

// "a[b][c]" is well formed, "a[b", "a]", "[b]" and "a[]x" are not.
bool well_formed_key(std::string_view key) {
  if (key.empty() || key.size() > kMaxKeyLength || key.front() == '[') return false;
  bool open = false;
  bool after_close = false;
  for (const char c : key) {
    if (static_cast<unsigned char>(c) < 0x20) return false;
    if (c == '[') {
      if (open) return false;
      open = true;
      after_close = false;
    } else if (c == ']') {
      if (!open) return false;
      open = false;
      after_close = true;
    } else if (after_close) {
      return false;
    }
  }
  return !open;
}
}  // namespace

Form Form::parse(std::string_view body) {
  Form form;
  std::size_t start = 0;
  while (start <= body.size()) {
    const std::size_t end = std::min(body.find('&', start), body.size());
    const std::string_view pair = body.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const std::size_t equals = pair.find('=');
    std::string key = decode(pair.substr(0, equals));
    std::string value = equals == std::string_view::npos ? "" : decode(pair.substr(equals + 1));
    if (!well_formed_key(key))
      throw invalid_request("Invalid request body: '" + key.substr(0, 60) +
                            "' is not a valid parameter name.");
    if (form.values_.size() >= kMaxParameters)
      throw invalid_request("Invalid request body: more than 500 parameters.");
    form.values_[std::move(key)] = std::move(value);
  }
  return form;
}

std::optional<std::string> Form::get(std::string_view key) const {
  if (auto it = values_.find(key); it != values_.end()) return it->second;
  return std::nullopt;
}

std::optional<std::string> Form::optional_string(std::string_view key,
                                                 std::size_t max_length) const {
  auto value = get(key);
  if (value && value->size() > max_length)
    throw invalid_request("Invalid string: " + value->substr(0, 40) + "...; must be at most " +
                              std::to_string(max_length) + " characters",
                          std::string(key), "parameter_invalid_string_too_long");
  return value;
}

std::string Form::required_string(std::string_view key, std::size_t max_length) const {
  auto value = optional_string(key, max_length);
  if (!value || value->empty()) throw missing_param(std::string(key));
  return *value;
}

std::optional<std::int64_t> Form::optional_integer(std::string_view key, std::int64_t min,
                                                   std::int64_t max) const {
  auto text = get(key);
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  const auto* end = text->data() + text->size();
  const auto [rest, ec] = std::from_chars(text->data(), end, value);
  if (text->empty() || ec != std::errc() || rest != end)
    throw invalid_request("Invalid integer: " + text->substr(0, 40), std::string(key),
                          "parameter_invalid_integer");
  if (value < min || value > max)
    throw invalid_request("Invalid " + std::string(key) + ": must be between " +
                              std::to_string(min) + " and " + std::to_string(max),
                          std::string(key), "parameter_invalid_integer");
  return value;
}

std::int64_t Form::required_integer(std::string_view key, std::int64_t min,
                                    std::int64_t max) const {
  auto value = optional_integer(key, min, max);
  if (!value) throw missing_param(std::string(key));
  return *value;
}

std::optional<bool> Form::optional_bool(std::string_view key) const {
  auto text = get(key);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  throw invalid_request("Invalid boolean: " + text->substr(0, 40), std::string(key));
}

std::optional<std::string> Form::optional_enum(
    std::string_view key, std::initializer_list<std::string_view> allowed) const {
  auto text = get(key);
  if (!text) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *text) != allowed.end()) return text;
  std::string list;
  for (const auto option : allowed) list += (list.empty() ? "" : ", ") + std::string(option);
  throw invalid_request("Invalid " + std::string(key) + ": must be one of " + list,
                        std::string(key));
}

std::string Form::required_currency(std::string_view key) const {
  std::string currency = required_string(key, 3);
  std::transform(currency.begin(), currency.end(), currency.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool letters =
      currency.size() == 3 &&
      std::all_of(currency.begin(), currency.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if (!letters) throw invalid_request("Invalid currency: " + currency, std::string(key));
  return currency;
}

std::map<std::string, std::string> Form::metadata() const {
  std::map<std::string, std::string> result;
  constexpr std::string_view prefix = "metadata[";
  for (auto it = values_.lower_bound(prefix); it != values_.end() && it->first.starts_with(prefix);
       ++it) {
    const std::string key = it->first.substr(prefix.size(), it->first.size() - prefix.size() - 1);
    if (key.empty() || key.find_first_of("[]") != std::string::npos ||
        key.size() > kMaxMetadataKeyLength)
      throw invalid_request("Invalid metadata key: " + key.substr(0, 60), it->first);
    if (it->second.size() > kMaxMetadataValueLength)
      throw invalid_request("Metadata values can have up to 500 characters", it->first);
    result[key] = it->second;
  }
  if (result.size() > kMaxMetadataKeys)
    throw invalid_request("Metadata can have up to 50 keys", "metadata");
  return result;
}

template <typename Entries>
void Form::allow_only_entries(const Entries& allowed) const {
  for (const auto& [key, value] : values_) {
    const bool known = std::any_of(allowed.begin(), allowed.end(), [&](std::string_view entry) {
      return entry.ends_with('[') ? key.starts_with(entry) : key == entry;
    });
    if (!known)
      throw invalid_request("Received unknown parameter: " + key, key, "parameter_unknown");
  }
}

void Form::allow_only(std::initializer_list<std::string_view> allowed) const {
  allow_only_entries(allowed);
}

void Form::allow_only(const std::vector<std::string>& allowed) const {
  allow_only_entries(allowed);
}

std::string Form::canonical() const {
  std::string text;
  for (const auto& [key, value] : values_) {
    // Length-prefixed, so that no value can pass for another parameter.
    text += std::to_string(key.size()) + ':' + key + std::to_string(value.size()) + ':' + value;
  }
  return text;
}

}  // namespace ps::gateway
