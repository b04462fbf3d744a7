-- How many shops there are, kept exact by a trigger in the same transaction as
-- every shop insert and delete. The directory's total read COUNT(*) over
-- every shop on every page: 50,000 shops at 1000x the bench marketplace
-- (bench/README.md). A name filter still counts its matches. Shops open
-- rarely, so the one row they all update is no bottleneck.
CREATE TABLE shop_count (
  shops BIGINT NOT NULL
);

INSERT INTO shop_count (shops) SELECT COUNT(*) FROM shops;

CREATE FUNCTION count_shops() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE shop_count SET shops = shops + CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
  RETURN NULL;
END
$$;

CREATE TRIGGER shops_counted
AFTER INSERT OR DELETE ON shops
FOR EACH ROW EXECUTE FUNCTION count_shops();
