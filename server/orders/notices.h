#pragma once

#include "db/connection.h"
#include "orders/model.h"

namespace ps::orders::notices {

// What buyers and vendors are told of an order's events: the bell item and
// the mail, written in the event's own transaction (so they exist if and
// only if it commits). Mails carry the shop's name and colour, the amounts
// and items, never card data.

// A new order: the buyer's receipt, and the vendor's mail (items and the
// address to ship to) and bell.
void placed(db::Connection& sql, const OrderView& order);
// shipped (carrier and tracking link), delivered (an invitation to review),
// cancelled (the amount released; the other party's bell). Other moves tell
// no one.
void status_changed(db::Connection& sql, const OrderView& order, bool by_seller);
// A refund, whole or in part, with the amounts.
void refunded(db::Connection& sql, const OrderView& order, const OrderRefund& refund);

}  // namespace ps::orders::notices
