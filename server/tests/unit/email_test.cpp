#include "accounts/service.h"
#include "core/text.h"

#include <gtest/gtest.h>

namespace ps::accounts {
namespace {

using namespace std::string_literals;

TEST(NormalizeEmail, TrimsAndLowerCases) {
  EXPECT_EQ(normalize_email("  Ada@Example.COM\t"), "ada@example.com");
  EXPECT_EQ(normalize_email("jos\xc3\xa9@example.com"), "jos\xc3\xa9@example.com");
}

TEST(NormalizeEmail, RefusesWhatIsNotAnAddress) {
  for (const char* email : {"", "   ", "no-at.example.com", "@example.com", "a@b@example.com",
                            "a@example", "a@example.com.", "a b@example.com", "<a@example.com>"})
    EXPECT_EQ(normalize_email(email), "") << email;
}

// Issue 15, item 7: such addresses were stored, to be shown and logged later.
TEST(NormalizeEmail, RefusesControlAndFormatCharacters) {
  const std::string hostile[] = {
      "a\0b@example.com"s,
      "a\ab@example.com",
      "a\x1b[2Jb@example.com",
      "a\x7f@example.com",
      "a\rb@example.com",
      "a\nb@example.com",
      "a\xc2\x85@example.com",  // U+0085, a C1 control
      "\xe2\x80\xae"
      "moc.elpmaxe@example.com",  // U+202E RIGHT-TO-LEFT OVERRIDE
      "a\xe2\x81\xa6"
      "b@example.com",  // U+2066 LEFT-TO-RIGHT ISOLATE
      "a\xe2\x80\x8b"
      "b@example.com",  // U+200B ZERO WIDTH SPACE
      "a\xef\xbb\xbf"
      "b@example.com",  // U+FEFF
      "a\xff"
      "b@example.com",  // not UTF-8
      "a\xc0\xa0"
      "b@example.com",  // an overlong space
      "a\xed\xa0\x80"
      "b@example.com",  // a UTF-16 surrogate
  };
  for (const auto& email : hostile) EXPECT_EQ(normalize_email(email), "") << email;
}

TEST(PlainText, DecodesUtf8AndFindsControlAndFormatCharacters) {
  EXPECT_TRUE(text::is_plain("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x9b\x92"));
  EXPECT_FALSE(text::is_plain("tab\there"));
  EXPECT_FALSE(text::is_plain("\xe2\x80\xa8"));      // U+2028 LINE SEPARATOR
  EXPECT_FALSE(text::is_plain("\xe2\x82"));          // cut short
  EXPECT_FALSE(text::is_plain("\xf4\x90\x80\x80"));  // beyond U+10FFFF
  const auto euro = text::decode_utf8("\xe2\x82\xac!");
  EXPECT_TRUE(euro.valid);
  EXPECT_EQ(euro.code_point, U'\u20ac');
  EXPECT_EQ(euro.length, 3u);
}

TEST(PlainText, FindsControlCharactersButThoseAllowed) {
  EXPECT_FALSE(
      text::has_control_characters("Zo\xc3\xab \xe2\x80\x8c\xf0\x9f\x8c\xb1"));  // ZWNJ stays
  EXPECT_TRUE(text::has_control_characters("two\nlines"));
  EXPECT_FALSE(text::has_control_characters("two\nlines", U"\n\r\t"));
  EXPECT_TRUE(text::has_control_characters("bell\x07", U"\n\r\t"));
  EXPECT_TRUE(text::has_control_characters("del\x7f"));
  EXPECT_TRUE(text::has_control_characters("c1\xc2\x85"));  // U+0085 NEXT LINE
  EXPECT_FALSE(text::has_control_characters("\x85"));       // a stray byte, not U+0085
}

}  // namespace
}  // namespace ps::accounts
