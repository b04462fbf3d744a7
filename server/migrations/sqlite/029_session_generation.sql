-- Which of a user's access tokens still count: each carries the generation it
-- was issued in, and a password change or reset (which revokes every refresh
-- token) moves the generation on, so the access tokens issued before stop at
-- once instead of living out their 15 minutes.
ALTER TABLE users ADD COLUMN session_generation INTEGER NOT NULL DEFAULT 0;
