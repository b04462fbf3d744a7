#pragma once

#include "app/application.h"

#include <string>

namespace ps {

struct DemoLogin {
  std::string role;
  std::string email;
  std::string password;
};

// Fills an empty marketplace with believable demo data: vendors with branded
// shops, products with generated images in several categories, buyers, and
// the first shop's orders (demo_orders.h; when the payment gateway answers).
// Goes through the services, so the data obeys every business rule. Does
// nothing when the database already has shops. Returns the logins to print.
std::vector<DemoLogin> seed_demo(Application& app);

}  // namespace ps
