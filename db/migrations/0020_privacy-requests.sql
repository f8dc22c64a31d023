-- Up Migration

-- The timeline stays append-only, with one exception the law makes: an erasure (a customer's
-- request, or retention; db/erasure.ts) rewrites what an event says about its customer (its data,
-- and the customer as its actor), inside a transaction that declares itself with
-- SET LOCAL aso.erasing = 'on'. Which event it was, when, and of which kind of actor stay as they were.
CREATE OR REPLACE FUNCTION case_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id) THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('aso.erasing', true) = 'on'
     AND (NEW.case_id, NEW.seq, NEW.event_key, NEW.at, NEW.type, NEW.actor_kind)
         IS NOT DISTINCT FROM (OLD.case_id, OLD.seq, OLD.event_key, OLD.at, OLD.type, OLD.actor_kind) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'case_events is append-only: % of case % seq % refused', TG_OP, OLD.case_id, OLD.seq
    USING ERRCODE = 'restrict_violation';
END;
$$;

-- Every erasure, export and retention run (docs/security.md#erasure-and-retention): who asked,
-- when, about which customer (by customer key id, never the customer id) and how much it touched.
-- A customer asking for their own data is recorded by their customer key id too.
CREATE TABLE privacy_requests (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('erasure', 'export', 'retention')),
  -- Null for a retention run, which erases the cases of many customers.
  customer_key_id text,
  -- Why data was erased (domain/personalData.ts ErasureGround); an export erases nothing.
  ground          text,
  requester_role  text NOT NULL,
  requester       text NOT NULL,
  at              timestamptz(3) NOT NULL DEFAULT now(),
  counts          jsonb NOT NULL,
  CONSTRAINT privacy_requests_ground CHECK ((kind = 'export') = (ground IS NULL))
);
CREATE INDEX privacy_requests_newest_idx ON privacy_requests (at DESC, id DESC);

-- Retention finds the closed cases not yet erased, oldest first.
CREATE INDEX cases_retention_idx ON cases (closed_at, id) WHERE erased_at IS NULL AND closed_at IS NOT NULL;

-- Down Migration

DROP INDEX cases_retention_idx;
DROP TABLE privacy_requests;

CREATE OR REPLACE FUNCTION case_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'case_events is append-only: % of case % seq % refused', TG_OP, OLD.case_id, OLD.seq
    USING ERRCODE = 'restrict_violation';
END;
$$;
