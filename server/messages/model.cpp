#include "messages/model.h"

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

// C0 controls except tab and line breaks, DEL, and the C1 controls (U+0080..U+009F,
// which UTF-8 writes as 0xC2 0x80..0x9F).
bool has_control_characters(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && byte != '\n' && byte != '\r' && byte != '\t') || byte == 0x7F) return true;
    if (byte == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;
    }
  }
  return false;
}
}  // namespace

std::string body_problem(const std::string& trimmed_body) {
  if (trimmed_body.empty()) return "must not be blank";
  if (count_chars(trimmed_body) > kMaxBodyLength)
    return "must be at most " + std::to_string(kMaxBodyLength) + " characters";
  if (has_control_characters(trimmed_body))
    return "must not contain control characters (other than line breaks and tabs)";
  return {};
}

}  // namespace ps::messages
