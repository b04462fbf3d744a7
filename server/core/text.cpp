#include "core/text.h"

#include <algorithm>

namespace ps::text {

namespace {
bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }
}  // namespace

Utf8Char decode_utf8(std::string_view text) {
  if (text.empty()) return {0, 0, false};
  const auto lead = static_cast<unsigned char>(text[0]);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = 0;
  char32_t code_point = 0;
  char32_t smallest = 0;  // below it the form is overlong
  if ((lead & 0xE0) == 0xC0) {
    length = 2, code_point = lead & 0x1F, smallest = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code_point = lead & 0x0F, smallest = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code_point = lead & 0x07, smallest = 0x10000;
  } else {
    return {lead, 1, false};
  }
  if (text.size() < length) return {lead, 1, false};
  for (std::size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (!is_continuation(byte)) return {lead, 1, false};
    code_point = (code_point << 6) | (byte & 0x3F);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < smallest || code_point > 0x10FFFF || surrogate) return {lead, 1, false};
  return {code_point, length, true};
}

bool is_control(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

bool has_control_characters(std::string_view text, std::u32string_view allowed) {
  while (!text.empty()) {
    const Utf8Char next = decode_utf8(text);
    if (next.valid && is_control(next.code_point) && allowed.find(next.code_point) == allowed.npos)
      return true;
    text.remove_prefix(next.length);
  }
  return false;
}

bool is_control_or_format(char32_t c) {
  return is_control(c)                    // C0, DEL, C1
         || c == 0x061C                   // Arabic letter mark
         || (c >= 0x200B && c <= 0x200F)  // zero-width space/(non-)joiner, LRM, RLM
         || (c >= 0x2028 && c <= 0x202E)  // line/paragraph separator, embeddings, overrides
         || (c >= 0x2060 && c <= 0x2069)  // word joiner, invisible operators, isolates
         || c == 0xFEFF;                  // byte order mark, zero-width no-break space
}

bool is_plain(std::string_view text) {
  while (!text.empty()) {
    const Utf8Char next = decode_utf8(text);
    if (!next.valid || is_control_or_format(next.code_point)) return false;
    text.remove_prefix(next.length);
  }
  return true;
}

std::string excerpt(std::string_view text, std::size_t max_characters) {
  std::size_t end = 0, characters = 0, last_space = 0;
  while (end < text.size() && characters < max_characters) {
    if (text[end] == ' ') last_space = end;
    end += decode_utf8(text.substr(end)).length;
    ++characters;
  }
  const bool whole = end >= text.size();
  if (!whole && last_space > end / 2) end = last_space;
  std::string preview(text.substr(0, end));
  std::replace_if(
      preview.begin(), preview.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; },
      ' ');
  return whole ? preview : preview + "…";
}

}  // namespace ps::text
