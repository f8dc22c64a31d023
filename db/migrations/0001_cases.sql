-- Up Migration

-- The searchable projection of every case; the workflow stays the source of truth. Timestamps
-- keep millisecond precision so the ISO strings handed out (and list cursors built from them)
-- round-trip exactly.
CREATE TABLE cases (
  id              text PRIMARY KEY,
  type            text NOT NULL,
  channel         text NOT NULL,
  customer_id     text NOT NULL,
  customer_tier   text NOT NULL,
  order_id        text NOT NULL,
  status          text NOT NULL,
  outcome         text,
  resolution      text,
  priority        text NOT NULL,
  assignee        text,
  policy_version  text NOT NULL,
  deadlines       jsonb NOT NULL DEFAULT '[]',
  breached        boolean NOT NULL DEFAULT false,
  details         jsonb NOT NULL DEFAULT '{}',
  idempotency_key text NOT NULL,
  request_hash    text NOT NULL,
  created_at      timestamptz(3) NOT NULL,
  updated_at      timestamptz(3) NOT NULL,
  closed_at       timestamptz(3),
  last_seq        integer NOT NULL,
  -- The case id is derived from the customer's idempotency key; this keeps that promise honest.
  CONSTRAINT cases_idempotency_key_unique UNIQUE (customer_id, idempotency_key)
);

-- Lists are newest first and keyset-paginated on (created_at, id); each filter gets an index
-- that also yields that order, so a filtered page never sorts.
CREATE INDEX cases_newest_idx ON cases (created_at DESC, id DESC);
CREATE INDEX cases_status_newest_idx ON cases (status, created_at DESC, id DESC);
CREATE INDEX cases_type_newest_idx ON cases (type, created_at DESC, id DESC);
CREATE INDEX cases_channel_newest_idx ON cases (channel, created_at DESC, id DESC);
CREATE INDEX cases_customer_newest_idx ON cases (customer_id, created_at DESC, id DESC);
-- Breached cases are the few worth finding; the rest never need this index.
CREATE INDEX cases_breached_newest_idx ON cases (created_at DESC, id DESC) WHERE breached;

-- Down Migration

DROP TABLE cases;
