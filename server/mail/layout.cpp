#include "mail/layout.h"

#include <cctype>

namespace ps::mail {

namespace {
std::string escape_html(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

// Links go into href: only http(s) URLs, so no javascript: or data: scheme.
bool is_web_url(const std::string& url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

// "#fff" and "#ffffff" both, for the text on the bar: dark text on light.
bool is_light(const std::string& color) {
  auto channel = [&](int index) {
    const bool short_form = color.size() == 4;
    const std::string hex =
        short_form ? std::string(2, color[1 + index]) : color.substr(1 + 2 * index, 2);
    return std::stoi(hex, nullptr, 16);
  };
  const int luma = (299 * channel(0) + 587 * channel(1) + 114 * channel(2)) / 1000;
  return luma > 160;
}

std::string footer_text(const NewMail& mail) {
  return mail.topic.empty()
             ? "You receive this mail because of your account at " + mail.brand.name + "."
             : "You receive this mail because notifications about " + mail.topic +
                   " are on for your account.";
}

std::string plain_text(const NewMail& mail, const std::optional<std::string>& unsubscribe_url) {
  std::string text = mail.brand.name + "\n\n" + mail.heading + "\n\n";
  for (const auto& paragraph : mail.paragraphs) text += paragraph + "\n\n";
  for (const auto& line : mail.lines) text += line.label + ": " + line.value + "\n";
  if (!mail.lines.empty()) text += "\n";
  if (mail.action) text += mail.action->label + ":\n" + mail.action->url + "\n\n";
  text += "-- \n" + footer_text(mail) + "\n";
  if (unsubscribe_url) text += "Unsubscribe: " + *unsubscribe_url + "\n";
  return text;
}

std::string html_lines(const NewMail& mail) {
  if (mail.lines.empty()) return "";
  std::string html =
      "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" "
      "style=\"width:100%;border-collapse:collapse;margin:16px 0\">";
  for (const auto& line : mail.lines)
    html += "<tr><td style=\"padding:6px 0;border-bottom:1px solid #e5e5e5;color:#555\">" +
            escape_html(line.label) +
            "</td><td style=\"padding:6px 0;border-bottom:1px solid #e5e5e5;text-align:right\">" +
            escape_html(line.value) + "</td></tr>";
  return html + "</table>";
}

std::string html_action(const NewMail& mail, const std::string& accent, const std::string& ink) {
  if (!mail.action || !is_web_url(mail.action->url)) return "";
  const std::string url = escape_html(mail.action->url);
  return "<p style=\"margin:24px 0\"><a href=\"" + url +
         "\" style=\"display:inline-block;background:" + accent + ";color:" + ink +
         ";text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:bold\">" +
         escape_html(mail.action->label) +
         "</a></p><p style=\"font-size:13px;color:#555\">Or open this link: <a href=\"" + url +
         "\" style=\"color:#333;word-break:break-all\">" + url + "</a></p>";
}

std::string html_page(const NewMail& mail, const std::optional<std::string>& unsubscribe_url) {
  const std::string accent = safe_color(mail.brand.accent_color);
  const std::string ink = is_light(accent) ? "#111111" : "#ffffff";
  std::string html =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width\"><title>" +
      escape_html(mail.subject) +
      "</title></head><body style=\"margin:0;padding:0;background:#f4f4f4;"
      "font-family:Helvetica,Arial,sans-serif;color:#222\">"
      "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
      "style=\"background:#f4f4f4\"><tr><td align=\"center\" style=\"padding:24px 12px\">"
      "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
      "style=\"max-width:600px;background:#ffffff;border-radius:8px;overflow:hidden\">"
      "<tr><td style=\"background:" +
      accent + ";color:" + ink + ";padding:16px 24px;font-size:20px;font-weight:bold\">" +
      escape_html(mail.brand.name) + "</td></tr><tr><td style=\"padding:24px\"><h1 " +
      "style=\"font-size:22px;margin:0 0 16px\">" + escape_html(mail.heading) + "</h1>";
  for (const auto& paragraph : mail.paragraphs)
    html += "<p style=\"margin:0 0 12px;line-height:1.5\">" + escape_html(paragraph) + "</p>";
  html += html_lines(mail) + html_action(mail, accent, ink);
  html +=
      "</td></tr><tr><td style=\"padding:16px 24px;font-size:12px;color:#666;"
      "border-top:1px solid #e5e5e5\">" +
      escape_html(footer_text(mail));
  if (unsubscribe_url && is_web_url(*unsubscribe_url))
    html +=
        " <a href=\"" + escape_html(*unsubscribe_url) + "\" style=\"color:#666\">Unsubscribe</a>";
  return html + "</td></tr></table></td></tr></table></body></html>";
}
}  // namespace

std::string safe_color(const std::string& color) {
  const bool hex_form = (color.size() == 4 || color.size() == 7) && color[0] == '#';
  bool hex_digits = hex_form;
  for (std::size_t i = 1; hex_digits && i < color.size(); ++i)
    hex_digits = std::isxdigit(static_cast<unsigned char>(color[i])) != 0;
  return hex_digits ? color : Brand{}.accent_color;
}

Layout lay_out(const NewMail& mail, const std::optional<std::string>& unsubscribe_url) {
  return {plain_text(mail, unsubscribe_url), html_page(mail, unsubscribe_url)};
}

}  // namespace ps::mail
