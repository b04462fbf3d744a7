-- A shop closes when its vendor deletes the account (app/personal_data.cpp):
-- its products are archived, and it leaves the shop directory and its count;
-- its page stays, marked closed, for the buyers whose orders name it.
ALTER TABLE shops ADD COLUMN closed_at BIGINT;

UPDATE shops SET closed_at = (SELECT deleted_at FROM users WHERE users.id = shops.owner_id)
WHERE owner_id IN (SELECT id FROM users WHERE deleted_at IS NOT NULL);

-- shop_count (migration 027) counts open shops.
UPDATE shop_count SET shops = (SELECT COUNT(*) FROM shops WHERE closed_at IS NULL);

DROP TRIGGER shops_counted_insert;
DROP TRIGGER shops_counted_delete;

CREATE TRIGGER shops_counted_insert AFTER INSERT ON shops WHEN NEW.closed_at IS NULL
BEGIN
  UPDATE shop_count SET shops = shops + 1;
END;

CREATE TRIGGER shops_counted_delete AFTER DELETE ON shops WHEN OLD.closed_at IS NULL
BEGIN
  UPDATE shop_count SET shops = shops - 1;
END;

CREATE TRIGGER shops_counted_closing AFTER UPDATE OF closed_at ON shops
WHEN (OLD.closed_at IS NULL) <> (NEW.closed_at IS NULL)
BEGIN
  UPDATE shop_count SET shops = shops + CASE WHEN NEW.closed_at IS NULL THEN 1 ELSE -1 END;
END;
