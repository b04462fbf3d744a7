-- Order lists are newest first, ties broken by id (newest first too). Indexes
-- ending in (created_at DESC, id DESC) hand a page its rows in that order;
-- without id, SQLite sorted all of a buyer's orders for every page, and a
-- shop's list without a status filter sorted all of the shop's orders
-- (bench/README.md, fix 32).
DROP INDEX orders_buyer;
CREATE INDEX orders_buyer ON orders(buyer_id, created_at DESC, id DESC);
DROP INDEX orders_shop;
CREATE INDEX orders_shop ON orders(shop_id, status, created_at DESC, id DESC);
CREATE INDEX orders_shop_newest ON orders(shop_id, created_at DESC, id DESC);
