#include "core/config.h"

#include "core/random.h"

#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace ps {

namespace fs = std::filesystem;

namespace {
constexpr std::size_t kMinSecretLength = 32;
constexpr const char* kSecretFile = "jwt-secret";
constexpr auto kOwnerOnly = fs::perms::owner_all;
constexpr auto kGroupAndOthers = fs::perms::group_all | fs::perms::others_all;

// The data directory holds password and refresh-token hashes and the JWT
// secret, so whatever we create there is the owner's alone, whatever the
// umask. A directory that already exists keeps its mode: its files are
// tightened one by one below, and media/ holds only public images.
void create_data_dir(const fs::path& path) {
  if (fs::exists(path)) return;
  std::error_code ec;
  fs::create_directories(path, ec);
  if (!ec) fs::permissions(path, kOwnerOnly, fs::perm_options::replace, ec);
  if (ec) throw ConfigError("cannot create data directory " + path.string() + ": " + ec.message());
}

// A new file only its owner may read, from its first moment on (no chmod
// afterwards, which would leave a window); -1 with errno when it exists.
int create_private_file(const fs::path& path) {
  return ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
}

// Removes group and other access from a file we own, if it exists: a data
// directory made by an older version has them, following the umask.
void make_private(const fs::path& path) {
  std::error_code ec;
  const auto status = fs::symlink_status(path, ec);
  if (ec || !fs::is_regular_file(status) ||
      (status.permissions() & kGroupAndOthers) == fs::perms::none)
    return;
  fs::permissions(path, kGroupAndOthers, fs::perm_options::remove, ec);
  if (ec) throw ConfigError("cannot make " + path.string() + " private: " + ec.message());
}

// SQLite creates the -wal and -shm files with its database file's mode, so
// creating that file 0600 before SQLite opens it covers all three.
void prepare_sqlite_file(const std::string& database_url) {
  std::string path;
  if (database_url.rfind("sqlite://", 0) == 0)
    path = database_url.substr(9);
  else if (database_url.rfind("sqlite:", 0) == 0)
    path = database_url.substr(7);
  if (path.empty() || path.front() == ':') return;  // not a file (":memory:")
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) make_private(path + suffix);
  if (fs::exists(path)) return;
  const int fd = create_private_file(path);
  if (fd >= 0) {
    ::close(fd);
  } else if (errno != EEXIST) {
    throw ConfigError("cannot create database file " + path + ": " + std::strerror(errno));
  }
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string load_or_create_secret(const fs::path& data_dir) {
  const fs::path path = data_dir / kSecretFile;
  if (fs::exists(path)) {
    make_private(path);
    std::string secret = read_file(path);
    while (!secret.empty() && std::isspace(static_cast<unsigned char>(secret.back())))
      secret.pop_back();
    if (secret.size() < kMinSecretLength)
      throw ConfigError("JWT secret in " + path.string() + " is shorter than 32 characters");
    return secret;
  }
  const std::string secret = random_token(48);
  const std::string line = secret + '\n';
  const int fd = create_private_file(path);
  if (fd < 0) throw ConfigError("cannot create " + path.string() + ": " + std::strerror(errno));
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ::close(fd);
  if (!written) {
    fs::remove(path);
    throw ConfigError("cannot write " + path.string());
  }
  return secret;
}
// Every missing setting at once, so that an operator fixes them in one go.
void check_s3_settings(Config& c) {
  std::string missing;
  const std::pair<const std::string*, const char*> required[] = {
      {&c.s3_endpoint, "--s3-endpoint (POCKETSHOP_S3_ENDPOINT)"},
      {&c.s3_bucket, "--s3-bucket (POCKETSHOP_S3_BUCKET)"},
      {&c.s3_region, "--s3-region (POCKETSHOP_S3_REGION)"},
      {&c.s3_access_key, "--s3-access-key (POCKETSHOP_S3_ACCESS_KEY)"},
      {&c.s3_secret_key, "--s3-secret-key (POCKETSHOP_S3_SECRET_KEY)"}};
  for (const auto& [value, name] : required)
    if (value->empty()) missing += std::string(missing.empty() ? "" : ", ") + name;
  if (!missing.empty()) throw ConfigError("--media-storage s3 needs " + missing);
  while (c.s3_endpoint.ends_with('/')) c.s3_endpoint.pop_back();
  if (!c.s3_endpoint.starts_with("http://") && !c.s3_endpoint.starts_with("https://"))
    throw ConfigError("S3 endpoint must start with http:// or https://");
  // S3's rule for bucket names; it also keeps the object URLs free of escapes.
  const bool valid_bucket = c.s3_bucket.size() >= 3 && c.s3_bucket.size() <= 63 &&
                            std::all_of(c.s3_bucket.begin(), c.s3_bucket.end(),
                                        [](char ch) {
                                          return (ch >= 'a' && ch <= 'z') ||
                                                 (ch >= '0' && ch <= '9') || ch == '-' || ch == '.';
                                        }) &&
                            c.s3_bucket.front() != '-' && c.s3_bucket.back() != '-';
  if (!valid_bucket)
    throw ConfigError("S3 bucket must be 3 to 63 lower-case letters, digits, dots and hyphens");
}
}  // namespace

void add_config_options(CLI::App& app, Config& c) {
  auto option = [&](const std::string& flag, auto& field, const std::string& env,
                    const std::string& help) {
    return app.add_option(flag, field, help)->envname(env)->capture_default_str();
  };
  option("--host", c.host, "POCKETSHOP_HOST", "address to listen on");
  option("--port", c.port, "POCKETSHOP_PORT", "TCP port (0 picks a free one)");
  option("--data-dir", c.data_dir, "POCKETSHOP_DATA_DIR",
         "folder for the SQLite file, images and the generated JWT secret");
  option("--database-url", c.database_url, "POCKETSHOP_DATABASE_URL",
         "sqlite:///path/file.db or postgresql://user:pass@host:port/db");
  option("--jwt-secret", c.jwt_secret, "POCKETSHOP_JWT_SECRET",
         "HS256 secret, at least 32 characters (generated when empty)");
  option("--web-dir", c.web_dir, "POCKETSHOP_WEB_DIR", "built web app to serve at /");
  option("--io-threads", c.io_threads, "POCKETSHOP_IO_THREADS",
         "network threads (0: one per usable CPU)")
      ->check(CLI::Range(0, 256));
  option("--db-pool-size", c.db_pool_size, "POCKETSHOP_DB_POOL_SIZE",
         "database connections and worker threads (0: two per usable CPU)")
      ->check(CLI::Range(0, 256));
  option("--database-replica-url", c.database_replica_url, "POCKETSHOP_DATABASE_REPLICA_URL",
         "postgresql://... of a streaming replica that serves catalog reads (empty: none)");
  option("--db-replica-pool-size", c.db_replica_pool_size, "POCKETSHOP_DB_REPLICA_POOL_SIZE",
         "connections to the replica (0: as many as --db-pool-size)")
      ->check(CLI::Range(0, 256));
  option("--db-replica-max-lag-ms", c.db_replica_max_lag_ms, "POCKETSHOP_DB_REPLICA_MAX_LAG_MS",
         "a replica further behind than this leaves catalog reads to the primary")
      ->check(CLI::Range(0, 3600 * 1000));
  option("--max-body-bytes", c.max_body_bytes, "POCKETSHOP_MAX_BODY_BYTES",
         "largest JSON request body")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 30));
  option("--max-upload-bytes", c.max_upload_bytes, "POCKETSHOP_MAX_UPLOAD_BYTES",
         "largest image upload")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 30));
  option("--max-image-pixels", c.max_image_pixels, "POCKETSHOP_MAX_IMAGE_PIXELS",
         "largest image, in pixels (width x height)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
  option("--idle-timeout", c.idle_timeout_seconds, "POCKETSHOP_IDLE_TIMEOUT",
         "seconds a connection may take to send the next request's headers")
      ->check(CLI::Range(1, 3600));
  option("--body-timeout", c.body_timeout_seconds, "POCKETSHOP_BODY_TIMEOUT",
         "seconds a client may take to send a request body")
      ->check(CLI::Range(1, 3600));
  option("--access-token-ttl", c.access_token_ttl_seconds, "POCKETSHOP_ACCESS_TOKEN_TTL",
         "access token lifetime in seconds")
      ->check(CLI::Range(1, 24 * 3600));
  option("--refresh-token-days", c.refresh_token_ttl_days, "POCKETSHOP_REFRESH_TOKEN_DAYS",
         "refresh token lifetime in days")
      ->check(CLI::Range(1, 365));
  option("--password-strength", c.password_strength, "POCKETSHOP_PASSWORD_STRENGTH",
         "argon2id cost: interactive, moderate or min (tests only)")
      ->check(CLI::IsMember({"interactive", "moderate", "min"}));
  option("--login-limit-per-ip", c.login_limit_per_ip, "POCKETSHOP_LOGIN_LIMIT_PER_IP",
         "login attempts per minute per client address")
      ->check(CLI::Range(1, 1000000));
  option("--login-limit-per-email", c.login_limit_per_email, "POCKETSHOP_LOGIN_LIMIT_PER_EMAIL",
         "login attempts per 15 minutes per email from one client address")
      ->check(CLI::Range(1, 1000000));
  option("--signup-limit-per-ip", c.signup_limit_per_ip, "POCKETSHOP_SIGNUP_LIMIT_PER_IP",
         "sign-ups per hour per client address")
      ->check(CLI::Range(1, 1000000));
  option("--password-reset-limit-per-ip", c.password_reset_limit_per_ip,
         "POCKETSHOP_PASSWORD_RESET_LIMIT_PER_IP",
         "password reset requests per hour per client address")
      ->check(CLI::Range(1, 1000000));
  option("--password-reset-limit-per-email", c.password_reset_limit_per_email,
         "POCKETSHOP_PASSWORD_RESET_LIMIT_PER_EMAIL",
         "password reset requests per hour per email address")
      ->check(CLI::Range(1, 1000000));
  option("--verification-mail-limit", c.verification_mail_limit_per_user,
         "POCKETSHOP_VERIFICATION_MAIL_LIMIT", "verification mails a user may ask for per hour")
      ->check(CLI::Range(1, 1000000));
  option("--checkout-limit-per-user", c.checkout_limit_per_user,
         "POCKETSHOP_CHECKOUT_LIMIT_PER_USER", "checkout attempts per minute per user")
      ->check(CLI::Range(1, 1000000));
  option("--message-limit-per-user", c.message_limit_per_user, "POCKETSHOP_MESSAGE_LIMIT_PER_USER",
         "messages per minute per sender")
      ->check(CLI::Range(1, 1000000));
  option("--upload-limit-per-user", c.upload_limit_per_user, "POCKETSHOP_UPLOAD_LIMIT_PER_USER",
         "image uploads per hour per user")
      ->check(CLI::Range(1, 1000000));
  option("--conversation-limit-per-user", c.conversation_limit_per_user,
         "POCKETSHOP_CONVERSATION_LIMIT_PER_USER", "conversations started per hour per buyer")
      ->check(CLI::Range(1, 1000000));
  option("--message-mail-delay", c.message_mail_delay_seconds, "POCKETSHOP_MESSAGE_MAIL_DELAY",
         "seconds after which a message still unread is mailed to its recipient")
      ->check(CLI::Range(0, 7 * 86400));
  option("--public-url", c.public_url, "POCKETSHOP_PUBLIC_URL",
         "where people reach the web app (https://shop.example.com): the base of mailed links; "
         "default http://<host>:<port>");
  option("--platform-fee-bps", c.platform_fee_bps, "POCKETSHOP_PLATFORM_FEE_BPS",
         "the platform's fee on each sale, in basis points (1000 = 10%)")
      ->check(CLI::Range(0, 5000));
  option("--platform-fee-fixed", c.platform_fee_fixed_cents, "POCKETSHOP_PLATFORM_FEE_FIXED",
         "a fixed fee on each order besides the percentage, in minor units (30 = 0.30)")
      ->check(CLI::Range(0LL, 100'000'000LL));
  option("--payout-hold-days", c.payout_hold_days, "POCKETSHOP_PAYOUT_HOLD_DAYS",
         "days a vendor's earnings stay pending after the order is delivered")
      ->check(CLI::Range(0, 365));
  option("--release-interval", c.release_interval_seconds, "POCKETSHOP_RELEASE_INTERVAL",
         "seconds between releases of earnings whose hold has passed")
      ->check(CLI::Range(1, 86400));
  option("--payment-gateway-url", c.payment_gateway_url, "POCKETSHOP_PAYMENT_GATEWAY_URL",
         "base URL of the Stripe-compatible card gateway (https://api.stripe.com)");
  option("--payment-secret-key", c.payment_secret_key, "POCKETSHOP_PAYMENT_SECRET_KEY",
         "the gateway's secret API key (sk_...)");
  option("--payment-publishable-key", c.payment_publishable_key,
         "POCKETSHOP_PAYMENT_PUBLISHABLE_KEY",
         "the gateway's publishable key (pk_...), given to browsers to tokenize cards");
  option("--payment-tokens-url", c.payment_tokens_url, "POCKETSHOP_PAYMENT_TOKENS_URL",
         "where browsers tokenize cards (empty: <payment-gateway-url>/v1/tokens)");
  option("--payment-timeout-ms", c.payment_timeout_ms, "POCKETSHOP_PAYMENT_TIMEOUT_MS",
         "how long a request to the gateway may take")
      ->check(CLI::Range(100, 120000));
  option("--sqlite-catalog-reads", c.sqlite_catalog_reads, "POCKETSHOP_SQLITE_CATALOG_READS",
         "where SQLite's catalogue reads run: network (the thread that read the request) or "
         "workers")
      ->check(CLI::IsMember({"network", "workers"}));
  option("--payment-workers", c.payment_workers, "POCKETSHOP_PAYMENT_WORKERS",
         "threads for requests that wait on the payment gateway (checkout, ship, refunds)")
      ->check(CLI::Range(1, 1024));
  option("--reconcile-interval", c.reconcile_interval_seconds, "POCKETSHOP_RECONCILE_INTERVAL",
         "seconds between reconciliations of payments with the gateway (0: none in-process)")
      ->check(CLI::Range(0, 7 * 86400));
  option("--reconcile-grace", c.reconcile_grace_seconds, "POCKETSHOP_RECONCILE_GRACE",
         "payments younger than this are left to the checkout still running them")
      ->check(CLI::Range(0, 86400));
  option("--payment-webhook-secret", c.payment_webhook_secret, "POCKETSHOP_PAYMENT_WEBHOOK_SECRET",
         "the gateway's webhook signing secret, whsec_... (empty: webhooks refused, 503)");
  option("--job-workers", c.job_workers, "POCKETSHOP_JOB_WORKERS",
         "threads running queued jobs (0: none; run them with `pocketshop jobs run`)")
      ->check(CLI::Range(0, 64));
  option("--job-poll-ms", c.job_poll_ms, "POCKETSHOP_JOB_POLL_MS",
         "milliseconds between an idle job worker's looks for due jobs")
      ->check(CLI::Range(10, 600000));
  option("--job-lease-seconds", c.job_lease_seconds, "POCKETSHOP_JOB_LEASE_SECONDS",
         "seconds a job may run before another worker takes it for dead and runs it again")
      ->check(CLI::Range(1, 24 * 3600));
  option("--dev-mailbox", c.dev_mailbox, "POCKETSHOP_DEV_MAILBOX",
         "serve the development mailbox (/dev/mailbox: every mail, reset links included) while "
         "mails are kept as files; for a developer's own instance only");
  option("--trust-proxy", c.trust_proxy, "POCKETSHOP_TRUST_PROXY",
         "behind a reverse proxy: client address from X-Forwarded-For");
  option("--metrics-token", c.metrics_token, "POCKETSHOP_METRICS_TOKEN",
         "bearer token GET /metrics requires (empty: open)");
  option("--smtp-url", c.smtp_url, "POCKETSHOP_SMTP_URL",
         "smtp://host:587 (STARTTLS) or smtps://host:465; empty: mails as .eml files in "
         "<data-dir>/mail");
  option("--smtp-user", c.smtp_user, "POCKETSHOP_SMTP_USER", "SMTP AUTH user name");
  option("--smtp-password", c.smtp_password, "POCKETSHOP_SMTP_PASSWORD", "SMTP AUTH password");
  option("--smtp-ca-file", c.smtp_ca_file, "POCKETSHOP_SMTP_CA_FILE",
         "PEM file of the CA the SMTP server's certificate must chain to (empty: the system's)");
  option("--smtp-starttls", c.smtp_starttls, "POCKETSHOP_SMTP_STARTTLS",
         "smtp:// only: required (refuse a server without STARTTLS), optional, or off")
      ->check(CLI::IsMember({"required", "optional", "off"}));
  option("--mail-from", c.mail_from, "POCKETSHOP_MAIL_FROM", "the From of every mail");
  option("--retention-days", c.retention_days, "POCKETSHOP_RETENTION_DAYS",
         "days that sent mails and finished jobs are kept (0: for ever); checked hourly")
      ->check(CLI::Range(0, 3650));
  option("--media-storage", c.media_storage, "POCKETSHOP_MEDIA_STORAGE",
         "where image variants live: local (<data-dir>/media) or s3 (the --s3-* settings)")
      ->check(CLI::IsMember({"local", "s3"}));
  option("--s3-endpoint", c.s3_endpoint, "POCKETSHOP_S3_ENDPOINT",
         "the S3 API's base URL, http(s)://host:port (path-style: <endpoint>/<bucket>/...)");
  option("--unused-image-hours", c.unused_image_hours, "POCKETSHOP_UNUSED_IMAGE_HOURS",
         "hours after which an image nothing shows is deleted, files and all (0: kept); checked "
         "every 10 minutes")
      ->check(CLI::Range(0, 24 * 3650));
  option("--s3-bucket", c.s3_bucket, "POCKETSHOP_S3_BUCKET", "the bucket that holds the images");
  option("--s3-region", c.s3_region, "POCKETSHOP_S3_REGION", "the region requests are signed for");
  option("--s3-access-key", c.s3_access_key, "POCKETSHOP_S3_ACCESS_KEY", "S3 access key id");
  option("--s3-secret-key", c.s3_secret_key, "POCKETSHOP_S3_SECRET_KEY",
         "S3 secret access key (never logged)");
  option("--s3-timeout-ms", c.s3_timeout_ms, "POCKETSHOP_S3_TIMEOUT_MS",
         "longest wait for one request to the S3 API")
      ->check(CLI::Range(100, 600000));
  option("--log-format", c.log_format, "POCKETSHOP_LOG_FORMAT", "text or json (one object a line)")
      ->check(CLI::IsMember({"text", "json"}));
  option("--log-level", c.log_level, "POCKETSHOP_LOG_LEVEL", "trace, debug, info, warn, error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));
}

void finalize_config(Config& c) {
  if (c.data_dir.empty()) throw ConfigError("data directory must not be empty");
  create_data_dir(c.data_dir);
  c.data_dir = fs::absolute(c.data_dir).lexically_normal().string();

  if (c.database_url.empty())
    c.database_url = "sqlite://" + (fs::path(c.data_dir) / "pocketshop.db").string();
  prepare_sqlite_file(c.database_url);
  if (!c.database_replica_url.empty() &&
      (!c.database_url.starts_with("postgres") || !c.database_replica_url.starts_with("postgres")))
    throw ConfigError("a database replica needs PostgreSQL, for --database-url and the replica");

  if (c.jwt_secret.empty()) {
    c.jwt_secret = load_or_create_secret(c.data_dir);
  } else if (c.jwt_secret.size() < kMinSecretLength) {
    throw ConfigError("JWT secret must be at least 32 characters");
  }

  if (c.web_dir.empty() && fs::exists("web/dist/index.html")) c.web_dir = "web/dist";

  if (c.public_url.empty()) {
    const bool any_address = c.host == "0.0.0.0" || c.host == "::";
    c.public_url = "http://" + (any_address ? std::string("127.0.0.1") : c.host) + ":" +
                   std::to_string(c.port);
  }
  while (c.public_url.ends_with('/')) c.public_url.pop_back();
  if (!c.public_url.starts_with("http://") && !c.public_url.starts_with("https://"))
    throw ConfigError("public URL must start with http:// or https://");

  while (c.payment_gateway_url.ends_with('/')) c.payment_gateway_url.pop_back();
  if (!c.payment_gateway_url.starts_with("http://") &&
      !c.payment_gateway_url.starts_with("https://"))
    throw ConfigError("payment gateway URL must start with http:// or https://");
  if (!c.payment_secret_key.starts_with("sk_") && !c.payment_secret_key.starts_with("rk_"))
    throw ConfigError("payment secret key must start with sk_ (or rk_ for a restricted key)");
  if (!c.payment_publishable_key.starts_with("pk_"))
    throw ConfigError("payment publishable key must start with pk_");
  if (c.payment_tokens_url.empty()) c.payment_tokens_url = c.payment_gateway_url + "/v1/tokens";

  if (!c.smtp_url.empty() && !c.smtp_url.starts_with("smtp://") &&
      !c.smtp_url.starts_with("smtps://"))
    throw ConfigError("SMTP URL must start with smtp:// or smtps://");

  if (c.media_storage == "s3") check_s3_settings(c);
}

}  // namespace ps
