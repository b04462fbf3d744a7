#include "catalog/model.h"

#include <gtest/gtest.h>

namespace ps::catalog {
namespace {

using enum ProductStatus;

TEST(ProductStatus, VendorsPublishAndUnpublish) {
  EXPECT_TRUE(allowed(draft, active));
  EXPECT_TRUE(allowed(active, draft));
  EXPECT_TRUE(allowed(active, active));  // saving other fields
  EXPECT_TRUE(allowed(draft, draft));
}

TEST(ProductStatus, ArchivingIsForGood) {
  EXPECT_TRUE(allowed(draft, archived));
  EXPECT_TRUE(allowed(active, archived));
  for (auto to : {draft, active, archived}) EXPECT_FALSE(allowed(archived, to));
}

TEST(ProductStatus, NamesRoundTrip) {
  for (auto status : {draft, active, archived})
    EXPECT_EQ(parse_product_status(to_string(status)), status);
  EXPECT_FALSE(parse_product_status("Active"));
  EXPECT_FALSE(parse_product_status(""));
}

TEST(ProductStatus, OnlyActiveProductsAreForSale) {
  Product product;
  for (auto status : {draft, active, archived}) {
    product.status = status;
    EXPECT_EQ(for_sale(product), status == active);
  }
}

}  // namespace
}  // namespace ps::catalog
