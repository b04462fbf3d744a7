// The gateway's pure parts: form bodies as Stripe's API takes them, and the
// webhook signature.
#include "gateway/errors.h"
#include "gateway/form.h"
#include "gateway/signature.h"

#include <gtest/gtest.h>

namespace ps::gateway {
namespace {

std::string error_param(const std::function<void()>& action) {
  try {
    action();
  } catch (const StripeError& error) {
    const auto body = error.body().at("error").as_object();
    return body.contains("param") ? std::string(body.at("param").as_string()) : "(none)";
  }
  return "(no error)";
}

TEST(GatewayForm, DecodesBracketKeysPlusAndPercentEscapes) {
  const auto form = Form::parse(
      "card%5Bnumber%5D=4242+4242&metadata[order_id]=a%26b&description=caf%C3%A9&empty=&flag");
  EXPECT_EQ(form.get("card[number]"), "4242 4242");
  EXPECT_EQ(form.get("description"), "caf\xC3\xA9");
  EXPECT_EQ(form.get("empty"), "");
  EXPECT_EQ(form.get("flag"), "");
  EXPECT_EQ(form.metadata(), (std::map<std::string, std::string>{{"order_id", "a&b"}}));
  EXPECT_FALSE(form.has("card"));
}

TEST(GatewayForm, RefusesMalformedBodies) {
  for (const char* body : {"a=%zz", "a=%4", "[a]=1", "a[b=1", "a]=1", "a[b]c=1", "=1", "a%00b=1"}) {
    SCOPED_TRACE(body);
    EXPECT_THROW(Form::parse(body), StripeError);
  }
  std::string many;
  for (int i = 0; i < 501; ++i) many += "k" + std::to_string(i) + "=1&";
  EXPECT_THROW(Form::parse(many), StripeError);
}

TEST(GatewayForm, ReadsTypedValuesAndNamesTheParameterItRefuses) {
  const auto form = Form::parse("amount=250&bad=12x&confirm=true&currency=EUR&capture_method=x");
  EXPECT_EQ(form.required_integer("amount", 1, 1000), 250);
  EXPECT_EQ(form.optional_bool("confirm"), true);
  EXPECT_EQ(form.required_currency("currency"), "eur");
  EXPECT_EQ(error_param([&] { form.required_integer("bad", 1, 1000); }), "bad");
  EXPECT_EQ(error_param([&] { form.required_integer("amount", 1, 100); }), "amount");
  EXPECT_EQ(error_param([&] { form.required_integer("missing", 1, 100); }), "missing");
  EXPECT_EQ(error_param([&] { form.optional_enum("capture_method", {"manual"}); }),
            "capture_method");
  EXPECT_EQ(error_param([&] {
              form.allow_only({"amount", "bad", "confirm", "currency"});
            }),
            "capture_method");
  EXPECT_EQ(error_param([&] {
              form.allow_only({"amount", "bad", "confirm", "currency", "capture_method"});
            }),
            "(no error)");
}

TEST(GatewayForm, TheCanonicalFormIgnoresOrderButNotValues) {
  EXPECT_EQ(Form::parse("a=1&b=2").canonical(), Form::parse("b=2&a=1").canonical());
  EXPECT_NE(Form::parse("a=1&b=2").canonical(), Form::parse("a=1&b=3").canonical());
  // No value can pass for another parameter.
  EXPECT_NE(Form::parse("a=1%0Ab%3D2").canonical(), Form::parse("a=1&b=2").canonical());
}

TEST(GatewaySignature, IsHmacSha256OfTimestampDotPayload) {
  // RFC 4231-style known answer for HMAC-SHA256.
  EXPECT_EQ(hmac_sha256_hex("key", "The quick brown fox jumps over the lazy dog"),
            "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  EXPECT_EQ(signature_header("whsec_test", 1700000000, R"({"id":"evt_1"})"),
            "t=1700000000,v1=" + hmac_sha256_hex("whsec_test", R"(1700000000.{"id":"evt_1"})"));
}

}  // namespace
}  // namespace ps::gateway
