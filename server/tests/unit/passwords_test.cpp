#include "accounts/passwords.h"

#include <gtest/gtest.h>

namespace ps::accounts {
namespace {

TEST(Passwords, HashIsArgon2idAndVerifies) {
  PasswordHasher hasher("min");
  const auto hash = hasher.hash("correct horse battery staple");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(hasher.verify(hash, "correct horse battery staple"));
  EXPECT_FALSE(hasher.verify(hash, "correct horse battery stapler"));
  EXPECT_FALSE(hasher.verify(hash, ""));
}

TEST(Passwords, SamePasswordHashesDifferently) {
  PasswordHasher hasher("min");
  EXPECT_NE(hasher.hash("password1"), hasher.hash("password1"));
}

TEST(Passwords, InteractiveStrengthIsTheRealCost) {
  PasswordHasher hasher("interactive");
  const auto hash = hasher.hash("password1");
  EXPECT_NE(hash.find("m=65536"), std::string::npos) << hash;
  EXPECT_TRUE(hasher.verify(hash, "password1"));
}

TEST(Passwords, UnknownStrengthIsRefused) {
  EXPECT_THROW(PasswordHasher("weak"), std::invalid_argument);
}

}  // namespace
}  // namespace ps::accounts
