#include "mail/message.h"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace ps::mail {

namespace {
struct GObjectRelease {
  void operator()(void* object) const { g_object_unref(object); }
};
template <class T>
using Owned = std::unique_ptr<T, GObjectRelease>;

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

// Header values are one line: line breaks and other controls become spaces.
std::string one_line(std::string text) {
  for (auto& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return text;
}

// The UTF-8 bytes as they are, labelled UTF-8 (g_mime_text_part_set_text
// would pick the "best" charset, us-ascii or iso-8859-1, and convert).
GMimeObject* text_part(const char* subtype, const std::string& content) {
  GMimeTextPart* part = g_mime_text_part_new_with_subtype(subtype);
  Owned<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(content.data(), content.size()));
  Owned<GMimeDataWrapper> wrapper(
      g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(GMIME_PART(part), wrapper.get());
  g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "charset", "utf-8");
  g_mime_part_set_content_encoding(GMIME_PART(part), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  return GMIME_OBJECT(part);
}

void add_mailbox(GMimeMessage* message, GMimeAddressType type, const std::string& mailbox) {
  Owned<InternetAddressList> parsed(internet_address_list_parse(nullptr, mailbox.c_str()));
  if (!parsed || internet_address_list_length(parsed.get()) != 1)
    throw std::invalid_argument("mail: not one mailbox: " + mailbox);
  internet_address_list_append(g_mime_message_get_addresses(message, type), parsed.get());
}
}  // namespace

std::string compose_message(const MessageParts& parts) {
  init_gmime();
  Owned<GMimeMessage> message(g_mime_message_new(TRUE));
  add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, parts.from);
  add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, parts.to);
  g_mime_message_set_subject(message.get(), one_line(parts.subject).c_str(), "utf-8");
  GDateTime* date = g_date_time_new_from_unix_utc(parts.date / 1000);
  g_mime_message_set_date(message.get(), date);
  g_date_time_unref(date);
  g_mime_message_set_message_id(message.get(), parts.message_id.c_str());
  if (parts.unsubscribe_url) {
    auto* object = GMIME_OBJECT(message.get());
    const std::string value = "<" + one_line(*parts.unsubscribe_url) + ">";
    g_mime_object_set_header(object, "List-Unsubscribe", value.c_str(), nullptr);
    // As written: GMime would turn a URL longer than a line into encoded
    // words, which no mail client reads as a URL (a header line may be 998).
    g_mime_header_set_raw_value(
        g_mime_header_list_get_header(g_mime_object_get_header_list(object), "List-Unsubscribe"),
        (" " + value + "\n").c_str());
    g_mime_object_set_header(object, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click",
                             nullptr);
  }

  Owned<GMimeMultipart> alternative(g_mime_multipart_new_with_subtype("alternative"));
  if (!parts.boundary.empty())
    g_mime_multipart_set_boundary(alternative.get(), parts.boundary.c_str());
  Owned<GMimeObject> text(text_part("plain", parts.text));
  Owned<GMimeObject> html(text_part("html", parts.html));
  g_mime_multipart_add(alternative.get(), text.get());
  g_mime_multipart_add(alternative.get(), html.get());
  g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(alternative.get()));

  GMimeFormatOptions* options = g_mime_format_options_new();
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  char* written = g_mime_object_to_string(GMIME_OBJECT(message.get()), options);
  g_mime_format_options_free(options);
  if (!written) throw std::runtime_error("mail: GMime wrote no message");
  std::string raw(written);
  g_free(written);
  return raw;
}

std::optional<std::string> mailbox_address(const std::string& mailbox) {
  init_gmime();
  Owned<InternetAddressList> parsed(internet_address_list_parse(nullptr, mailbox.c_str()));
  if (!parsed || internet_address_list_length(parsed.get()) != 1) return std::nullopt;
  InternetAddress* address = internet_address_list_get_address(parsed.get(), 0);
  if (!INTERNET_ADDRESS_IS_MAILBOX(address)) return std::nullopt;
  const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address));
  if (!addr || !*addr) return std::nullopt;
  return std::string(addr);
}

std::string mailbox_domain(const std::string& mailbox) {
  const auto address = mailbox_address(mailbox);
  const auto at = address ? address->rfind('@') : std::string::npos;
  return at == std::string::npos ? "localhost" : address->substr(at + 1);
}

}  // namespace ps::mail
