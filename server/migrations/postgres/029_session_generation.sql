-- Which of a user's tokens still count: each access and refresh token carries
-- the generation it was issued in, and a password change or reset moves the
-- generation on. The access tokens issued before stop at once instead of
-- living out their 15 minutes; and a session started with the old password
-- while the change committed (a refresh token the change's revocation could
-- not see yet) is refused at its first refresh.
ALTER TABLE users ADD COLUMN session_generation BIGINT NOT NULL DEFAULT 0;
ALTER TABLE refresh_tokens ADD COLUMN session_generation BIGINT NOT NULL DEFAULT 0;
