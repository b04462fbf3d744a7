// A thousand connections that send nothing, or a byte a second, neither stop
// other clients from being served nor stay open past the header timeout.
#include "support/test_server.h"

#include <gtest/gtest.h>

#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace ps::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int kIdle = 500;
constexpr int kTrickling = 500;
constexpr int kHeaderTimeoutSeconds = 5;
constexpr auto kPrompt = milliseconds(2000);   // generous for two busy cores
constexpr auto kProbing = milliseconds(1500);  // well inside the header timeout
constexpr auto kDropMargin = std::chrono::seconds(4);
// Some 60 bytes: a minute to send, far beyond the header timeout.
const std::string kSlowRequest =
    "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: one-byte-a-second\r\n\r\n";

using Connections = std::vector<std::unique_ptr<RawConnection>>;

// Two descriptors per connection live in this process: the client's and the server's.
void allow_enough_descriptors() {
  rlimit limit{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
  ASSERT_GE(limit.rlim_cur, 2u * (kIdle + kTrickling) + 200)
      << "raise the open-files limit (ulimit -n) to run this test";
}

Connections open_connections(std::uint16_t port, int count) {
  Connections connections;
  for (int i = 0; i < count; ++i) connections.push_back(std::make_unique<RawConnection>(port));
  return connections;
}

// Sends the next byte of kSlowRequest to every connection once a second,
// from one thread, until `stop`; a failed send means the server hung up.
class Trickler {
 public:
  explicit Trickler(Connections& connections)
      : connections_(connections), thread_([this] { run(); }) {}
  ~Trickler() { stop(); }
  int hung_up() const { return hung_up_; }
  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }

 private:
  void run() {
    std::vector<bool> gone(connections_.size(), false);
    for (std::size_t next = 0; !stop_ && next < kSlowRequest.size(); ++next) {
      const auto tick = Clock::now();
      for (std::size_t i = 0; i < connections_.size(); ++i) {
        if (gone[i]) continue;
        try {
          connections_[i]->send(kSlowRequest.substr(next, 1));
        } catch (const std::exception&) {
          gone[i] = true;
          ++hung_up_;
        }
      }
      while (!stop_ && Clock::now() - tick < std::chrono::seconds(1))
        std::this_thread::sleep_for(milliseconds(20));
    }
  }

  Connections& connections_;
  std::atomic<bool> stop_{false};
  std::atomic<int> hung_up_{0};
  std::thread thread_;
};

// Times one request; it must succeed within kPrompt.
void expect_prompt(const HttpClient& client, const std::string& target) {
  const auto started = Clock::now();
  const auto result = client.get(target);
  const auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - started);
  EXPECT_EQ(result.status, 200) << target << ": " << result.body;
  EXPECT_LT(took, kPrompt) << target << " took " << took.count() << " ms";
}

int count_closed(Connections& connections, Clock::time_point deadline) {
  int closed = 0;
  for (auto& connection : connections) {
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
    closed += connection->closed_by_peer(static_cast<int>(std::max<long long>(1, left.count())));
  }
  return closed;
}

TEST(SlowClients, IdleAndTricklingConnectionsNeitherBlockOthersNorLinger) {
  allow_enough_descriptors();
  TestServer server(Backend::sqlite, [](Config& config) {
    config.idle_timeout_seconds = kHeaderTimeoutSeconds;
    config.body_timeout_seconds = kHeaderTimeoutSeconds;
  });
  const auto first_connect = Clock::now();
  auto idle = open_connections(server.port(), kIdle);
  auto trickling = open_connections(server.port(), kTrickling);
  const auto last_connect = Clock::now();
  Trickler trickler(trickling);

  // Everyone else is served while the thousand hold their connections.
  const auto client = server.client();
  for (int round = 0; round < 3 || Clock::now() - last_connect < kProbing; ++round) {
    expect_prompt(client, "/healthz");
    expect_prompt(client, "/api/products");
  }
  const auto probed = Clock::now();
  ASSERT_LT(probed - first_connect, std::chrono::seconds(kHeaderTimeoutSeconds - 1))
      << "probing outlasted the header timeout, so it proves nothing";
  EXPECT_EQ(trickler.hung_up(), 0) << "the server hung up before the header timeout";
  for (std::size_t i = 0; i < 20; ++i)
    EXPECT_FALSE(idle[i]->closed_by_peer(1)) << "an idle connection was dropped too early";

  // Nothing sent, or a request head still incomplete: both are dropped once
  // the header timeout passes, however steadily the bytes arrive.
  const auto deadline = last_connect + std::chrono::seconds(kHeaderTimeoutSeconds) + kDropMargin;
  std::this_thread::sleep_until(deadline - kDropMargin);
  EXPECT_EQ(count_closed(idle, deadline), kIdle);
  trickler.stop();
  EXPECT_EQ(count_closed(trickling, deadline), kTrickling);
  expect_prompt(client, "/healthz");
}

}  // namespace
}  // namespace ps::testing
