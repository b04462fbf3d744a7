#include "mail/content.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <stdexcept>

namespace ps::mail {

namespace {
std::string text_at(const boost::json::object& object, std::string_view key) {
  const auto* found = object.if_contains(key);
  return found && found->is_string() ? std::string(found->as_string()) : std::string();
}
}  // namespace

std::string content_text(const NewMail& mail) {
  boost::json::array paragraphs;
  for (const auto& paragraph : mail.paragraphs) paragraphs.emplace_back(paragraph);
  boost::json::array lines;
  for (const auto& line : mail.lines)
    lines.push_back(
        boost::json::array{boost::json::string(line.label), boost::json::string(line.value)});
  boost::json::object content{
      {"brand", mail.brand.name},  {"accent_color", mail.brand.accent_color},
      {"heading", mail.heading},   {"paragraphs", std::move(paragraphs)},
      {"lines", std::move(lines)}, {"topic", mail.topic}};
  if (mail.action)
    content["action"] = boost::json::array{boost::json::string(mail.action->label),
                                           boost::json::string(mail.action->url)};
  return boost::json::serialize(content);
}

NewMail mail_of_content(std::string_view text) {
  boost::system::error_code error;
  const auto parsed = boost::json::parse(text, error);
  if (error || !parsed.is_object()) throw std::invalid_argument("mail: the content is not JSON");
  const auto& content = parsed.as_object();
  NewMail mail;
  mail.brand = {text_at(content, "brand"), text_at(content, "accent_color")};
  mail.heading = text_at(content, "heading");
  mail.topic = text_at(content, "topic");
  if (const auto* paragraphs = content.if_contains("paragraphs");
      paragraphs && paragraphs->is_array())
    for (const auto& paragraph : paragraphs->as_array())
      if (paragraph.is_string()) mail.paragraphs.emplace_back(paragraph.as_string());
  const auto pair_of = [](const boost::json::value& value) -> std::optional<Line> {
    if (!value.is_array() || value.as_array().size() != 2) return std::nullopt;
    const auto& pair = value.as_array();
    if (!pair[0].is_string() || !pair[1].is_string()) return std::nullopt;
    return Line{std::string(pair[0].as_string()), std::string(pair[1].as_string())};
  };
  if (const auto* lines = content.if_contains("lines"); lines && lines->is_array())
    for (const auto& line : lines->as_array())
      if (auto pair = pair_of(line)) mail.lines.push_back(std::move(*pair));
  if (const auto* action = content.if_contains("action"))
    if (auto pair = pair_of(*action)) mail.action = Action{pair->label, pair->value};
  return mail;
}

}  // namespace ps::mail
