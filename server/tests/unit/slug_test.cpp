#include "shops/service.h"

#include <gtest/gtest.h>

namespace ps::shops {
namespace {

TEST(Slugify, NamesBecomeLowerCaseWordsJoinedByHyphens) {
  EXPECT_EQ(slugify("Ada's Pottery!"), "adas-pottery");
  EXPECT_EQ(slugify("  The   Paper -- Goods  "), "the-paper-goods");
  EXPECT_EQ(slugify("Caf\xc3\xa9 No. 5"), "caf-no-5");
}

TEST(Slugify, IsNeverEmptyNorTooLong) {
  EXPECT_EQ(slugify(""), "shop");
  EXPECT_EQ(slugify("!!! \xe2\x98\x95"), "shop");
  const auto slug = slugify(std::string(50, 'a') + " " + std::string(50, 'b'));
  EXPECT_LE(slug.size(), 60u);
  EXPECT_TRUE(is_valid_slug(slug)) << slug;
}

// A two-character name such as "X!" made the slug "x", which a vendor could
// then not send back (is_valid_slug wants two characters or more).
TEST(Slugify, WhatItMakesIsValid) {
  for (const char* name :
       {"Ada's Pottery!", "X!", "Z\xc3\xa9", "a - b", "-lead and trail-", "Z\xc3\xbcrich 2", ""})
    EXPECT_TRUE(is_valid_slug(slugify(name))) << name << " -> " << slugify(name);
  EXPECT_EQ(slugify("X!"), "shop-x");
}

TEST(IsValidSlug, LowerCaseLettersDigitsAndSingleInnerHyphens) {
  for (const char* good : {"ab", "adas-pottery", "shop-2", "a1-b2-c3"})
    EXPECT_TRUE(is_valid_slug(good)) << good;
  for (const char* bad : {"", "a", "-ab", "ab-", "a--b", "Ab", "a b", "a_b", "caf\xc3\xa9"})
    EXPECT_FALSE(is_valid_slug(bad)) << bad;
  EXPECT_TRUE(is_valid_slug(std::string(60, 'a')));
  EXPECT_FALSE(is_valid_slug(std::string(61, 'a')));
}

}  // namespace
}  // namespace ps::shops
