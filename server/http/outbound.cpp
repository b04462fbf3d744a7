#include "http/outbound.h"

#include <curl/curl.h>

#include <cctype>
#include <memory>
#include <mutex>

namespace ps::http {

namespace {
struct Handle {
  CURL* curl = nullptr;
  Handle() {
    static std::once_flag global_init;
    std::call_once(global_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    curl = curl_easy_init();
  }
  ~Handle() { curl_easy_cleanup(curl); }
};

struct HeaderList {
  curl_slist* list = nullptr;
  ~HeaderList() { curl_slist_free_all(list); }
  void add(const std::string& header) { list = curl_slist_append(list, header.c_str()); }
};

// One header line of the answer ("Name: value\r\n"; the status line and the
// blank line have no colon and are skipped).
std::size_t collect_header(char* data, std::size_t size, std::size_t count, void* target) {
  auto& headers = *static_cast<std::vector<std::pair<std::string, std::string>>*>(target);
  const std::string_view line(data, size * count);
  const auto colon = line.find(':');
  if (colon != std::string_view::npos && headers.size() < 100) {
    std::string name(line.substr(0, colon));
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
      value.remove_suffix(1);
    headers.emplace_back(std::move(name), std::string(value));
  }
  return size * count;
}

struct AnswerBody {
  std::string& bytes;
  std::size_t limit;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* target) {
  auto& body = *static_cast<AnswerBody*>(target);
  const std::size_t bytes = size * count;
  if (body.bytes.size() + bytes > body.limit) return 0;  // aborts the transfer
  body.bytes.append(data, bytes);
  return bytes;
}

std::size_t drop(char*, std::size_t size, std::size_t count, void*) { return size * count; }
}  // namespace

OutboundResponse send(const OutboundRequest& request) {
  thread_local Handle handle;
  CURL* curl = handle.curl;
  if (!curl) throw OutboundError("curl_easy_init failed");
  curl_easy_reset(curl);  // keeps the connection cache

  HeaderList headers;
  for (const auto& header : request.headers) headers.add(header);
  // "Expect:" keeps libcurl from waiting on 100-continue. libcurl 7.88's SigV4
  // signs that empty header although it never sends it, and the signature
  // then fails. A signed body over 1 MiB waits on 100-continue, as S3 allows.
  if (request.aws_sigv4.empty()) headers.add("Expect:");
  OutboundResponse response;
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  if (request.method == "POST" || request.method == "PUT") {
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
    if (request.method == "PUT") curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
  } else if (request.method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else if (request.method != "GET") {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }
  if (!request.aws_sigv4.empty()) {
    curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, request.aws_sigv4.c_str());
    curl_easy_setopt(curl, CURLOPT_USERNAME, request.aws_access_key.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, request.aws_secret_key.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.list);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, request.keep_answer ? collect : drop);
  AnswerBody answer{response.body, request.max_answer_bytes};
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
  const CURLcode result = curl_easy_perform(curl);
  if (result != CURLE_OK)
    throw OutboundError(std::string(curl_easy_strerror(result)) + " (" + request.method + " " +
                        request.url + ")");
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

std::string OutboundResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers)
    if (key == name) return value;
  return {};
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string body;
  auto escape = [](const std::string& text) {
    std::unique_ptr<char, decltype(&curl_free)> escaped(
        curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size())), curl_free);
    return std::string(escaped ? escaped.get() : "");
  };
  for (const auto& [key, value] : pairs) {
    if (!body.empty()) body += '&';
    body += escape(key) + '=' + escape(value);
  }
  return body;
}

}  // namespace ps::http
