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

-- A case whose workflow may not have started: written with the case, in the same transaction, and
-- removed once the start is confirmed (db/caseStarts.ts). An API that dies in between leaves it
-- behind, and the reconciler of its task queue (docs/reliability.md) starts the workflow with
-- the input kept here, or withdraws the case. It holds what the workflow input holds, so it lives
-- no longer than the start takes.
CREATE TABLE pending_case_starts (
  case_id       text PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  -- The worker fleet that runs it: each fleet's reconciler settles its own.
  task_queue    text,
  workflow_type text,
  input         jsonb,
  requested_at  timestamptz(3) NOT NULL,
  -- Only cases opened before this migration have no start kept: any fleet settles them.
  CONSTRAINT pending_case_starts_kept CHECK ((task_queue IS NULL) = (input IS NULL) AND (input IS NULL) = (workflow_type IS NULL))
);

-- The reconciler reads a fleet's oldest first, a page at a time.
CREATE INDEX pending_case_starts_oldest_idx ON pending_case_starts (task_queue, requested_at, case_id);

-- Cases opened before this migration that recorded nothing beyond their request may never have
-- started: the reconciler looks each one up once, and withdraws those without a workflow.
INSERT INTO pending_case_starts (case_id, requested_at)
SELECT id, created_at FROM cases WHERE last_seq = 1;

-- Cases the reconciler withdrew because their workflow could not be started, and why: the case
-- itself is removed (with its timeline and line claims), so the customer's retry opens it afresh.
CREATE TABLE case_withdrawals (
  case_id      text PRIMARY KEY,
  type         text NOT NULL,
  customer_id  text NOT NULL,
  reason       text NOT NULL,
  requested_at timestamptz(3) NOT NULL,
  withdrawn_at timestamptz(3) NOT NULL
);

-- Down Migration

DROP TABLE case_withdrawals;
DROP TABLE pending_case_starts;

DROP TABLE rate_limit_windows;
