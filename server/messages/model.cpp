#include "messages/model.h"

#include "core/text.h"

namespace ps::messages {

std::string Subject::key() const {
  if (order_id) return "order:" + std::to_string(*order_id);
  if (product_id) return "product:" + std::to_string(*product_id);
  return "general";
}

namespace {
bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

std::size_t count_chars(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char byte : text) count += is_continuation(byte) ? 0 : 1;
  return count;
}
}  // namespace

std::string body_problem(const std::string& trimmed_body) {
  if (trimmed_body.empty()) return "must not be blank";
  if (count_chars(trimmed_body) > kMaxBodyLength)
    return "must be at most " + std::to_string(kMaxBodyLength) + " characters";
  if (text::has_control_characters(trimmed_body, U"\n\r\t"))
    return "must not contain control characters (other than line breaks and tabs)";
  return {};
}

}  // namespace ps::messages
