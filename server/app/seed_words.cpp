#include "app/seed_words.h"

#include <map>

namespace ps {

namespace {
constexpr const char* kAdjectives[] = {"Speckled", "Hand-made", "Indigo",   "Rustic",    "Minimal",
                                       "Sunset",   "Forest",    "Charcoal", "Pastel",    "Golden",
                                       "Ocean",    "Woodland",  "Linen",    "Terracotta"};

const std::map<std::string_view, std::vector<const char*>>& nouns() {
  static const std::map<std::string_view, std::vector<const char*>> nouns{
      {"kitchen", {"mug", "bowl", "plate", "teapot", "pour-over dripper", "serving platter"}},
      {"home", {"vase", "candle holder", "planter", "cushion", "tray", "wall hook"}},
      {"clothing", {"scarf", "shirt", "apron", "kimono jacket", "bandana", "beanie"}},
      {"accessories", {"tote bag", "keyring", "card wallet", "hair clip", "belt", "pouch"}},
      {"stationery", {"notebook", "card set", "pen pot", "bookmark", "planner", "envelope set"}},
      {"art", {"print", "linocut", "watercolour", "miniature painting", "poster", "etching"}},
      {"toys", {"rattle", "stacking rings", "toy car", "puzzle", "rocking horse", "spinning top"}},
      {"jewelry", {"ring", "earrings", "pendant", "bracelet", "stud set", "anklet"}},
      {"beauty", {"soap bar", "lip balm", "face oil", "bath salts", "body butter", "hand cream"}},
      {"plants", {"monstera cutting", "cactus trio", "fern", "air plant", "pothos", "succulent"}},
      {"books", {"journal", "sketchbook", "recipe book", "photo album", "guest book", "zine"}},
      {"food", {"espresso blend", "filter roast", "decaf", "cold brew pack", "tea blend", "honey"}},
  };
  return nouns;
}
}  // namespace

const std::vector<std::string_view>& seed_categories() {
  static const std::vector<std::string_view> categories = [] {
    std::vector<std::string_view> names;
    for (const auto& [category, words] : nouns()) names.push_back(category);
    return names;
  }();
  return categories;
}

const std::vector<const char*>& product_nouns(std::string_view category) {
  return nouns().at(category);
}

std::string product_name(std::string_view category, std::mt19937& random) {
  const auto& words = product_nouns(category);
  std::string name = kAdjectives[random() % std::size(kAdjectives)];
  return name + " " + words[random() % words.size()];
}

}  // namespace ps
