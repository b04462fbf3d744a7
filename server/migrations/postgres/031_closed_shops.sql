-- A shop closes when its vendor deletes the account (app/personal_data.cpp):
-- its products are archived, and it leaves the shop directory and its count;
-- its page stays, marked closed, for the buyers whose orders name it.
ALTER TABLE shops ADD COLUMN closed_at BIGINT;

UPDATE shops SET closed_at = users.deleted_at
FROM users WHERE users.id = shops.owner_id AND users.deleted_at IS NOT NULL;

-- shop_count (migration 027) counts open shops.
UPDATE shop_count SET shops = (SELECT COUNT(*) FROM shops WHERE closed_at IS NULL);

CREATE OR REPLACE FUNCTION count_shops() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_open BOOLEAN := TG_OP <> 'INSERT' AND OLD.closed_at IS NULL;
  is_open BOOLEAN := TG_OP <> 'DELETE' AND NEW.closed_at IS NULL;
BEGIN
  IF was_open <> is_open THEN
    UPDATE shop_count SET shops = shops + CASE WHEN is_open THEN 1 ELSE -1 END;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER shops_counted ON shops;
CREATE TRIGGER shops_counted
AFTER INSERT OR DELETE OR UPDATE OF closed_at ON shops
FOR EACH ROW EXECUTE FUNCTION count_shops();
