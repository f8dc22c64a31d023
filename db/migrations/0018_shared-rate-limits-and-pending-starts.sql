-- Up Migration

-- The rate limits' windows, shared by every API instance on this database (db/rateLimitWindows.ts):
-- one row per limiter and client, counting the client's requests until reset_at. A request's count
-- is one upsert, so instances racing for the same client queue on its row and never lose a hit.
-- UNLOGGED: a counter is worth no write-ahead log; after a crash (or on a promoted standby) the
-- windows start afresh, which costs clients nothing but a fresh budget.
CREATE UNLOGGED TABLE rate_limit_windows (
  key      text PRIMARY KEY,
  hits     integer NOT NULL,
  reset_at timestamptz(3) NOT NULL
);

-- Expired windows are swept by reset_at (a client who never comes back leaves its row behind).
CREATE INDEX rate_limit_windows_reset_idx ON rate_limit_windows (reset_at);

-- Down Migration

DROP TABLE rate_limit_windows;
