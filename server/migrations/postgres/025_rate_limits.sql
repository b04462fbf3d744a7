-- The rate limits' counts (http/rate_limiter.h), shared by every instance on
-- this database (issue 19): one row per limit and subject (a client address,
-- an email, a user id) with its theoretical arrival time in epoch millis. A
-- row whose time has passed counts as absent; the servers delete those every
-- minute.
--
-- UNLOGGED: every login, sign-up, checkout and message writes a row here, and
-- the counts matter for minutes to an hour. Without WAL those writes cost no
-- log flush and no replication traffic; in exchange PostgreSQL empties the
-- table after a crash, and replicas do not have it, so a crash or a failover
-- forgets the counts, as restarting a server did when they lived in memory.
CREATE UNLOGGED TABLE rate_limits (
  name                 TEXT NOT NULL,
  subject              TEXT NOT NULL,
  theoretical_arrival  BIGINT NOT NULL,
  PRIMARY KEY (name, subject)
);
