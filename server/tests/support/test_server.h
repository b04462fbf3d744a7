#pragma once

#include "app/application.h"
#include "support/http_client.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace ps::testing {

enum class Backend { sqlite, postgres };
std::string backend_name(Backend backend);

// A scratch folder removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A fresh PostgreSQL database on the test cluster (POCKETSHOP_TEST_PG_URL, set
// by scripts/with-postgres.sh), dropped afterwards.
class ScratchPostgres {
 public:
  ScratchPostgres();
  ~ScratchPostgres();
  const std::string& url() const { return url_; }

 private:
  std::string admin_url_;
  std::string name_;
  std::string url_;
};

// A real PocketShop server on 127.0.0.1 and an ephemeral port, on a fresh
// SQLite file or PostgreSQL database, started in this process.
class TestServer {
 public:
  using ConfigTweak = std::function<void(Config&)>;
  using RouteHook = std::function<void(Application&)>;

  explicit TestServer(Backend backend, const ConfigTweak& tweak = {}, const RouteHook& hook = {});
  ~TestServer();

  Application& app() { return *app_; }
  std::uint16_t port() const { return app_->port(); }
  HttpClient client() const { return HttpClient(port()); }
  const Config& config() const { return config_; }

 private:
  TempDir data_dir_;
  std::unique_ptr<ScratchPostgres> postgres_;
  Config config_;
  std::unique_ptr<Application> app_;
};

}  // namespace ps::testing
