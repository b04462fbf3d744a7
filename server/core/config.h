#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace CLI {
class App;
}

namespace ps {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Everything an operator can set, by flag or by POCKETSHOP_* environment
// variable (flags win). docs: README.md, "Configuration".
struct Config {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string data_dir = "data";
  std::string database_url;  // empty: sqlite file in data_dir
  std::string jwt_secret;    // empty: generated once, kept in data_dir
  std::string web_dir;       // built web app; empty: ./web/dist when it exists
  int io_threads = 0;        // 0: one per usable CPU (core/cpus.h)
  int db_pool_size = 0;      // 0: two per usable CPU
  // A PostgreSQL streaming replica of database_url for catalog reads
  // (docs/scaling.md, "Read replicas"); empty: none.
  std::string database_replica_url;
  int db_replica_pool_size = 0;      // 0: as many as db_pool_size
  int db_replica_max_lag_ms = 5000;  // further behind, catalog reads go to the primary
  std::size_t max_body_bytes = 1024 * 1024;
  std::size_t max_upload_bytes = 10 * 1000 * 1000;  // one image upload
  std::uint64_t max_image_pixels = 50'000'000;      // width x height; refuses decompression bombs
  int idle_timeout_seconds = 30;                    // waiting for (all headers of) the next request
  int body_timeout_seconds = 30;                    // reading a request body
  int access_token_ttl_seconds = 15 * 60;
  int refresh_token_ttl_days = 30;
  std::string password_strength = "interactive";  // interactive | moderate | min
  int login_limit_per_ip = 30;                    // attempts per minute per client address
  int login_limit_per_email = 10;                 // per 15 minutes per email per client address
  int signup_limit_per_ip = 20;                   // accounts per hour per client address
  int checkout_limit_per_user = 10;               // checkout attempts per minute per user
  int message_limit_per_user = 20;                // messages per minute per sender
  int conversation_limit_per_user = 10;           // conversations started per hour per buyer
  int upload_limit_per_user = 300;                // image uploads per hour per user
  int message_mail_delay_seconds = 300;           // an unread message is mailed this long after
  int password_reset_limit_per_ip = 10;           // reset requests per hour per client address
  int password_reset_limit_per_email = 3;         // reset requests per hour per email address
  int verification_mail_limit_per_user = 3;       // verification mails per hour per user
  // Where people reach the web app: the base of the links in mails; empty:
  // http://<host>:<port>.
  std::string public_url;
  int platform_fee_bps = 1000;             // the platform's fee on each sale, in basis points (10%)
  long long platform_fee_fixed_cents = 0;  // plus this much per order, in minor units
  int payout_hold_days = 7;                // earnings pending this long after delivery
  int release_interval_seconds = 60;       // how often due earnings are released
  // The card gateway, Stripe's API or `pocketshop gateway` (docs/gateway.md).
  // The defaults reach the local test gateway as `make run` starts it.
  std::string payment_gateway_url = "http://127.0.0.1:12111";
  std::string payment_secret_key = "sk_test_pocketshop_local";
  std::string payment_publishable_key = "pk_test_pocketshop_local";
  // Where browsers send the card; empty: <payment_gateway_url>/v1/tokens.
  std::string payment_tokens_url;
  int payment_timeout_ms = 10000;
  // Threads for requests that wait on the payment gateway (checkout, ship,
  // cancel, refunds, connecting a payout account), apart from the workers
  // every other request needs: a slow gateway holds these, not those.
  int payment_workers = 32;
  // Where SQLite's public catalogue reads run: "network", on the thread that
  // read the request, or "workers", handed to the worker pool (core/worker_pool.h,
  // run_short). PostgreSQL's always run on the workers.
  std::string sqlite_catalog_reads = "network";
  int reconcile_interval_seconds = 600;  // payments vs the gateway; 0: only `payments reconcile`
  int reconcile_grace_seconds = 600;     // younger payments may still be in flight: left alone
  std::string payment_webhook_secret;    // whsec_...; empty: webhooks answer 503
  int job_workers = 2;                   // job queue threads; 0: none (tests, `jobs run`)
  int job_poll_ms = 1000;                // an idle job worker looks this often
  int job_lease_seconds = 300;           // a job running longer is taken for dead, run again
  // GET /api/dev/mailbox lists every mail (reset links too): only on a
  // developer's own instance that keeps mails as files, never by default.
  bool dev_mailbox = false;
  bool trust_proxy = false;   // take the client address from X-Forwarded-For
  std::string metrics_token;  // when set, GET /metrics needs "Authorization: Bearer <it>"
  // Mail (README.md, "Mail"). No SMTP URL: mails are kept as .eml files under
  // <data_dir>/mail/ and listed at /dev/mailbox.
  std::string smtp_url;  // smtp://host:587 (STARTTLS) or smtps://host:465
  std::string smtp_user;
  std::string smtp_password;               // never logged
  std::string smtp_ca_file;                // empty: the system's CAs
  std::string smtp_starttls = "required";  // smtp:// only: required | optional | off
  std::string mail_from = "PocketShop <no-reply@pocketshop.localhost>";
  int retention_days = 30;  // sent mails and finished jobs; 0: kept for ever
  // Where image variants live (README.md, "Configuration"; docs/scaling.md):
  // "local", files under <data_dir>/media, or "s3", a bucket behind the S3 API.
  std::string media_storage = "local";
  std::string s3_endpoint;  // http(s)://host:port; objects at <endpoint>/<bucket>/<key>/<file>
  std::string s3_bucket;
  std::string s3_region = "us-east-1";
  std::string s3_access_key;
  std::string s3_secret_key;  // never logged
  int s3_timeout_ms = 10000;
  // An image no shop, product or message shows is deleted once it has been
  // unused this long (an upload never attached, or one detached); its files
  // go with its last row. 0: unused images are kept.
  int unused_image_hours = 24;
  std::string log_format = "text";  // text | json
  std::string log_level = "info";
};

// Registers every Config field as a flag with its environment variable.
void add_config_options(CLI::App& app, Config& config);

// Validates the values, creates the data directory, resolves the database URL
// and loads (or creates) the JWT secret. Throws ConfigError.
void finalize_config(Config& config);

}  // namespace ps
