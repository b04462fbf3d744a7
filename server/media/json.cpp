#include "media/json.h"

#include <boost/json.hpp>

namespace ps::media {

namespace {
constexpr std::string_view kUrlPrefix = "/media/";  // + key + "/" + file
}  // namespace

boost::json::object to_json(const Image& image, boost::json::storage_ptr sp) {
  auto url = [&](const std::string& file) {
    boost::json::string text(sp);  // straight into the response's arena
    text.reserve(kUrlPrefix.size() + image.sha256.size() + 1 + file.size());
    text.append(kUrlPrefix).append(image.sha256).append("/").append(file);
    return text;
  };
  boost::json::object urls(3, sp);
  urls.emplace("small", url(image.small_file));
  urls.emplace("medium", url(image.medium_file));
  urls.emplace("large", url(image.large_file));
  boost::json::object json(5, std::move(sp));  // and alt_text, for a product's image
  json.emplace("id", image.id);
  json.emplace("width", image.width);
  json.emplace("height", image.height);
  json.emplace("urls", std::move(urls));
  return json;
}

}  // namespace ps::media
