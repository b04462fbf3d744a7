#pragma once

#include "accounts/service.h"
#include "catalog/service.h"
#include "core/page.h"
#include "db/database.h"
#include "favorites/model.h"
#include "jobs/queue.h"

#include <cstdint>
#include <vector>

namespace ps::favorites {

// A saved product as its list shows it: the product as it is now, and
// whether the person can still buy it (archived, back to draft or its shop
// closed: unavailable, kept so that they see what became of it).
struct FavoriteView {
  Favorite favorite;
  catalog::ProductView product;
  bool available = false;
};

struct FavoritePage {
  std::vector<FavoriteView> items;
  long long total = 0;
};

// The products a signed-in person keeps to come back to ("favorites"). Each
// person reaches only their own (the routes take the id from the access
// token). Blocking: call from the WorkerPool.
class FavoritesService {
 public:
  FavoritesService(db::Database& database, accounts::AccountsService& accounts,
                   catalog::CatalogService& catalog)
      : database_(database), accounts_(accounts), catalog_(catalog) {}

  // Idempotent: saving a product twice keeps the first time. 404 for a
  // product the person may not see; 409 favorites-full at
  // kMaxFavoritesPerUser.
  Favorite add(std::int64_t user_id, std::int64_t product_id);
  // Idempotent: removing one that is not there changes nothing.
  void remove(std::int64_t user_id, std::int64_t product_id);
  FavoritePage list(std::int64_t user_id, const PageRequest& page);
  // Every saved product's id, newest first: what a client needs to mark
  // the ones it shows.
  std::vector<std::int64_t> product_ids(std::int64_t user_id);
  // For a vendor: how many people saved each product of their shop (a
  // count only; who saved it stays theirs).
  std::vector<SaveCount> save_counts(std::int64_t vendor_id);

  // catalog::kProductNewsJob's handler: tells everyone who saved the
  // product, by bell and by mail (topic "favorites"), when the news still
  // holds. In the transaction that marks the job done, so they are told once.
  jobs::JobEffects handle_product_news(const jobs::Job& job);

 private:
  db::Database& database_;
  accounts::AccountsService& accounts_;
  catalog::CatalogService& catalog_;
};

}  // namespace ps::favorites
