-- Media: uploaded images. The pixels live on disk, content addressed, as WebP
-- variants under <data_dir>/media/<sha256[0:2]>/<sha256>/<file> (served at
-- /media/<sha256>/<file>); a row records who uploaded what and the variant
-- file names. Identical uploads share their files, never their rows.
-- Timestamps are milliseconds since the Unix epoch, UTC.
CREATE TABLE images (
  id           INTEGER PRIMARY KEY,
  owner_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  sha256       TEXT NOT NULL,
  format       TEXT NOT NULL CHECK (format IN ('jpeg', 'png', 'webp', 'gif')),
  width        INTEGER NOT NULL CHECK (width > 0),
  height       INTEGER NOT NULL CHECK (height > 0),
  small_file   TEXT NOT NULL,
  medium_file  TEXT NOT NULL,
  large_file   TEXT NOT NULL,
  created_at   BIGINT NOT NULL
);
CREATE INDEX images_owner ON images(owner_id);
CREATE INDEX images_sha256 ON images(sha256);
