#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ps::text {

// One character read from the front of UTF-8 text. An ill-formed sequence
// (stray continuation byte, overlong form, surrogate, beyond U+10FFFF, cut
// short) reads as one byte with valid = false.
struct Utf8Char {
  char32_t code_point = 0;
  std::size_t length = 1;
  bool valid = false;
};
Utf8Char decode_utf8(std::string_view text);

// C0 and C1 controls and DEL: no place in a line of text.
bool is_control(char32_t code_point);

// Whether the text holds a control character other than those `allowed`
// (an ill-formed byte is none: is_plain tells those apart).
bool has_control_characters(std::string_view text, std::u32string_view allowed = {});

// A character that a terminal, log viewer or text renderer acts on instead of
// showing: C0 and C1 controls, DEL, bidirectional overrides, embeddings,
// isolates and marks (the "Trojan Source" characters), zero-width characters,
// the byte order mark and the Unicode line and paragraph separators.
bool is_control_or_format(char32_t code_point);

// Well-formed UTF-8 without any control or format character.
bool is_plain(std::string_view text);

// The start of a text, for a one-line preview: at most max_characters
// characters, cut at a space where one is near, with "…" when anything was
// left out; line breaks and tabs become spaces.
std::string excerpt(std::string_view text, std::size_t max_characters);

}  // namespace ps::text
