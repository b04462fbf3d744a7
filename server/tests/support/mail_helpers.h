#pragma once

#include "db/database.h"
#include "mail/model.h"
#include "mail/outbox.h"
#include "mail/store.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace ps::testing {

// A mail with every part the layout draws: brand, lines, an action.
inline mail::NewMail sample_mail(const std::string& to, std::string kind = "order_placed") {
  return {.kind = std::move(kind),
          .to_address = to,
          .brand = {.name = "Käse & Co <Shop>", .accent_color = "#aa3300"},
          .subject = "Bestellung bestätigt: #42",
          .heading = "Thank you for your order",
          .paragraphs = {"We have your order <b>42</b>."},
          .lines = {{"Blue mug × 2", "€24.00"}, {"Total", "€24.00"}},
          .action = mail::Action{"See your order", "https://shop.example/orders/42"}};
}

// Writes a mail in a transaction of its own, as a feature would in its own.
inline std::int64_t write_mail(db::Database& database, const mail::NewMail& mail) {
  const auto id =
      database.transaction([&](db::Connection& sql) { return mail::enqueue(sql, mail); });
  if (!id) throw std::logic_error("the mail was not written");
  return *id;
}

inline mail::store::StoredMail stored_mail(db::Database& database, std::int64_t id) {
  auto found =
      database.with_session([&](db::Connection& sql) { return mail::find_composed(sql, id); });
  if (!found) throw std::logic_error("no mail " + std::to_string(id));
  return *found;
}

// CRLF and LF alike: a received message and the stored one compare as text.
inline std::string lf_lines(std::string text) {
  for (std::size_t at; (at = text.find("\r\n")) != std::string::npos;) text.erase(at, 1);
  return text;
}

}  // namespace ps::testing
