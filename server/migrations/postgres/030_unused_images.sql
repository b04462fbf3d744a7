-- Unused images are deleted (docs/architecture.md, "Unused images"): an
-- upload never attached, or one detached from everything that showed it, is
-- deleted once it has been unused for --unused-image-hours, and its files go
-- when no image row names them any more. Without this, every upload stayed
-- in storage for ever.

-- Everything that shows an image. A feature that shows images adds itself
-- here, and marks what it detaches with a trigger like those below.
CREATE VIEW image_uses (image_id) AS
  SELECT logo_image_id FROM shops WHERE logo_image_id IS NOT NULL
  UNION ALL
  SELECT cover_image_id FROM shops WHERE cover_image_id IS NOT NULL
  UNION ALL
  SELECT image_id FROM product_images
  UNION ALL
  SELECT image_id FROM message_images;

CREATE INDEX shops_logo_image ON shops(logo_image_id) WHERE logo_image_id IS NOT NULL;
CREATE INDEX shops_cover_image ON shops(cover_image_id) WHERE cover_image_id IS NOT NULL;
CREATE INDEX message_images_image ON message_images(image_id);

-- Images that may be unused, and since when (milliseconds since the Unix
-- epoch, UTC): each is checked once that is longer ago than the grace
-- period, then forgotten. Detaching an image again restarts its grace.
CREATE TABLE unused_image_candidates (
  image_id  BIGINT PRIMARY KEY,
  since     BIGINT NOT NULL
);
CREATE INDEX unused_image_candidates_since ON unused_image_candidates(since);

INSERT INTO unused_image_candidates (image_id, since)
SELECT id, created_at FROM images
WHERE NOT EXISTS (SELECT 1 FROM image_uses u WHERE u.image_id = images.id);

CREATE FUNCTION image_uploaded() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO unused_image_candidates (image_id, since) VALUES (NEW.id, NEW.created_at)
  ON CONFLICT (image_id) DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER images_uploaded AFTER INSERT ON images
FOR EACH ROW EXECUTE FUNCTION image_uploaded();

-- TG_ARGV[0] names the column of OLD that held the detached image.
CREATE FUNCTION image_detached() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  detached bigint := (to_jsonb(OLD) ->> TG_ARGV[0])::bigint;
BEGIN
  IF detached IS NOT NULL THEN
    INSERT INTO unused_image_candidates (image_id, since)
    VALUES (detached, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
    ON CONFLICT (image_id) DO UPDATE SET since = excluded.since;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER product_images_detached AFTER DELETE ON product_images
FOR EACH ROW EXECUTE FUNCTION image_detached('image_id');
CREATE TRIGGER message_images_detached AFTER DELETE ON message_images
FOR EACH ROW EXECUTE FUNCTION image_detached('image_id');
CREATE TRIGGER shop_logo_detached AFTER UPDATE OF logo_image_id ON shops
FOR EACH ROW WHEN (OLD.logo_image_id IS DISTINCT FROM NEW.logo_image_id)
EXECUTE FUNCTION image_detached('logo_image_id');
CREATE TRIGGER shop_cover_detached AFTER UPDATE OF cover_image_id ON shops
FOR EACH ROW WHEN (OLD.cover_image_id IS DISTINCT FROM NEW.cover_image_id)
EXECUTE FUNCTION image_detached('cover_image_id');

-- Files whose image row was deleted. They are deleted from storage once no
-- row names them: identical uploads share their files.
CREATE TABLE unused_media_files (
  sha256  TEXT NOT NULL,
  file    TEXT NOT NULL,
  PRIMARY KEY (sha256, file)
);

CREATE FUNCTION image_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO unused_media_files (sha256, file)
  VALUES (OLD.sha256, OLD.small_file), (OLD.sha256, OLD.medium_file),
         (OLD.sha256, OLD.large_file)
  ON CONFLICT (sha256, file) DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER images_deleted AFTER DELETE ON images
FOR EACH ROW EXECUTE FUNCTION image_deleted();
