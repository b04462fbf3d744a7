// The include graph of server/ follows the map in docs/architecture.md:
//   core <- db <- http <- features <- app
//           db <- jobs <- features      (jobs, the job queue, beside http)
// The test gateway (gateway/) is app-level, like app/: no feature includes
// it; and it stands apart from the shop, so it includes no feature either.
// and inside a feature model <- store <- service <- json <- routes. A feature
// may use another feature's model and service (and its other service-level
// files, such as accounts/auth.h), never its store or routes; its json only
// from json or routes (an order's JSON shows its shop's summary), and no
// two features may depend on each other, directly or around a cycle.
//
// kKnown lists the breaches that are still to be removed (issue 14). The
// test fails on a breach that is not listed, and on a listed one that is
// gone, so the list only ever shrinks.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace ps {
namespace {

namespace fs = std::filesystem;

const std::set<std::string> kLayers{"core", "db", "jobs", "http"};
// jobs and http share a rank: neither may use the other (see breach()).
const std::map<std::string, int> kLayerRank{{"core", 0}, {"db", 1}, {"jobs", 2}, {"http", 2}};
constexpr int kFeatureLayer = 3;
constexpr int kAppLayer = 4;

const std::set<std::string> kKnown{};

struct Source {
  std::string folder;  // core, db, http, app or a feature
  std::string stem;    // file name without extension
  std::string path;    // relative to server/, as written in #include
};

Source parse_path(const std::string& relative) {
  const fs::path path(relative);
  return {path.parent_path().string(), path.stem().string(), relative};
}

const std::set<std::string> kAppFolders{"", "app", "gateway"};

int layer_of(const std::string& folder) {
  if (auto it = kLayerRank.find(folder); it != kLayerRank.end()) return it->second;
  return kAppFolders.contains(folder) ? kAppLayer : kFeatureLayer;
}

// model 0, store 1 (a store split in files: store, store_*), service and
// other files 2, json 3, routes 4.
int rank_in_feature(const std::string& stem) {
  if (stem == "model") return 0;
  if (stem == "store" || stem.starts_with("store_")) return 1;
  if (stem == "json") return 3;
  if (stem == "routes") return 4;
  return 2;
}

std::vector<std::string> includes_of(const fs::path& file) {
  static const std::regex include_line(R"re(^\s*#\s*include\s+"([a-z_]+/[a-z_0-9]+\.h)")re");
  std::ifstream in(file);
  std::vector<std::string> result;
  std::smatch match;
  for (std::string line; std::getline(in, line);)
    if (std::regex_search(line, match, include_line)) result.push_back(match[1]);
  return result;
}

// Why `from` may not include `to`, or empty when it may.
std::string breach(const Source& from, const Source& to) {
  const int from_layer = layer_of(from.folder), to_layer = layer_of(to.folder);
  if (to_layer > from_layer) return "a lower layer uses a higher one";
  if (from.folder == "jobs" && to.folder == "http") return "jobs uses HTTP";
  if (from.folder == "http" && to.folder == "jobs") return "HTTP uses jobs";
  if (from.folder == "gateway" && to_layer == kFeatureLayer) return "the gateway uses a feature";
  if (from_layer != kFeatureLayer) return {};
  const int from_rank = rank_in_feature(from.stem), to_rank = rank_in_feature(to.stem);
  if (to.folder == "http" && from_rank < 2) return "a " + from.stem + " uses HTTP";
  if (to_layer != kFeatureLayer) return {};
  const std::string role = from_rank == 0 ? "model" : from_rank == 1 ? "store" : from.stem;
  if (to.folder != from.folder) {
    if (to_rank == 1 || to_rank == 4) return "another feature's " + to.stem;
    if (to_rank > from_rank) return "a " + role + " uses a " + (to_rank == 2 ? "service" : to.stem);
    return {};
  }
  if (to_rank > from_rank) return "a " + role + " uses its " + to.stem;
  return {};
}

// Features that depend on each other, directly or around a cycle: each group
// of them as "cycle: a b c".
std::set<std::string> cycles(const std::map<std::string, std::set<std::string>>& uses) {
  std::map<std::string, std::set<std::string>> reached;
  std::function<void(const std::string&, std::set<std::string>&)> visit =
      [&](const std::string& from, std::set<std::string>& seen) {
        auto it = uses.find(from);
        if (it == uses.end()) return;
        for (const auto& next : it->second)
          if (seen.insert(next).second) visit(next, seen);
      };
  for (const auto& [feature, used] : uses) visit(feature, reached[feature]);
  std::set<std::string> result;
  for (const auto& [feature, reachable] : reached) {
    std::string group = "cycle:";
    for (const auto& other : reachable)
      if (reached[other].contains(feature)) group += " " + other;
    if (group != "cycle:" && group != "cycle: " + feature) result.insert(group);
  }
  return result;
}

std::set<std::string> breaches_in(const fs::path& root) {
  std::set<std::string> found;
  std::map<std::string, std::set<std::string>> feature_uses;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const auto relative = fs::relative(entry.path(), root).string();
    const auto ext = entry.path().extension();
    if (relative.starts_with("tests/") || (ext != ".h" && ext != ".cpp")) continue;
    const Source from = parse_path(relative);
    for (const auto& include : includes_of(entry.path())) {
      const Source to = parse_path(include);
      if (auto why = breach(from, to); !why.empty())
        found.insert(from.path + " -> " + include + ": " + why);
      if (layer_of(from.folder) == kFeatureLayer && layer_of(to.folder) == kFeatureLayer &&
          from.folder != to.folder)
        feature_uses[from.folder].insert(to.folder);
    }
  }
  for (const auto& cycle : cycles(feature_uses)) found.insert(cycle);
  return found;
}

TEST(DependencyRules, TheRulesThemselves) {
  auto check = [](const std::string& from, const std::string& to) {
    return breach(parse_path(from), parse_path(to));
  };
  EXPECT_EQ(check("db/query.cpp", "http/router.h"), "a lower layer uses a higher one");
  EXPECT_EQ(check("http/router.cpp", "orders/service.h"), "a lower layer uses a higher one");
  EXPECT_EQ(check("orders/store.h", "http/query_input.h"), "a store uses HTTP");
  EXPECT_EQ(check("orders/store.cpp", "orders/service.h"), "a store uses its service");
  EXPECT_EQ(check("orders/service.cpp", "orders/json.h"), "a service uses its json");
  EXPECT_EQ(check("orders/service.h", "shops/store.h"), "another feature's store");
  EXPECT_EQ(check("orders/routes.cpp", "shops/routes.h"), "another feature's routes");
  EXPECT_EQ(check("orders/model.h", "shops/service.h"), "a model uses a service");
  EXPECT_EQ(check("orders/service.h", "shops/service.h"), "");
  EXPECT_EQ(check("orders/model.h", "accounts/model.h"), "");
  EXPECT_EQ(check("orders/routes.cpp", "orders/json.h"), "");
  EXPECT_EQ(check("orders/json.cpp", "shops/json.h"), "");
  EXPECT_EQ(check("orders/service.cpp", "shops/json.h"), "a service uses a json");
  EXPECT_EQ(check("orders/routes.h", "accounts/auth.h"), "");
  EXPECT_EQ(check("app/application.cpp", "orders/routes.h"), "");
  EXPECT_EQ(check("payments/service.cpp", "gateway/service.h"), "a lower layer uses a higher one");
  EXPECT_EQ(check("gateway/service.cpp", "payments/cards.h"), "the gateway uses a feature");
  EXPECT_EQ(check("gateway/cards.cpp", "core/cards.h"), "");
  EXPECT_EQ(check("gateway/routes.cpp", "http/router.h"), "");
  EXPECT_EQ(check("gateway/routes.cpp", "gateway/service.h"), "");
  EXPECT_EQ(check("main.cpp", "gateway/gateway.h"), "");
  EXPECT_EQ(check("jobs/queue.h", "db/database.h"), "");
  EXPECT_EQ(check("jobs/queue.cpp", "http/router.h"), "jobs uses HTTP");
  EXPECT_EQ(check("http/pipeline.cpp", "jobs/queue.h"), "HTTP uses jobs");
  EXPECT_EQ(check("db/database.cpp", "jobs/queue.h"), "a lower layer uses a higher one");
  EXPECT_EQ(check("jobs/queue.cpp", "payments/events.h"), "a lower layer uses a higher one");
  EXPECT_EQ(check("payments/events_service.h", "jobs/queue.h"), "");
  EXPECT_EQ(check("payments/store.h", "jobs/model.h"), "");
  EXPECT_EQ(cycles({{"a", {"b"}}, {"b", {"c"}}, {"c", {"a"}}, {"d", {"a"}}}),
            (std::set<std::string>{"cycle: a b c"}));
}

TEST(DependencyRules, ServerFollowsThem) {
  const auto found = breaches_in(POCKETSHOP_SERVER_SOURCES);
  for (const auto& breach : found) EXPECT_TRUE(kKnown.contains(breach)) << "new: " << breach;
  for (const auto& known : kKnown)
    EXPECT_TRUE(found.contains(known)) << "fixed, so remove it from kKnown: " << known;
}

}  // namespace
}  // namespace ps
