-- Up Migration

-- A partner below the partner policy, as the daily partner review found it (docs/partners.md).
-- A flag opens on the day the review first finds the partner below (flag_day, which names the
-- notice's idempotency key), is told to operations once (told_at) and clears when a later review
-- finds the partner no longer below. A partner has at most one open flag.
CREATE TABLE partner_flags (
  partner_kind text NOT NULL CHECK (partner_kind IN ('supplier', 'brand')),
  partner_id   text NOT NULL,
  flag_day     date NOT NULL,
  flagged_at   timestamptz(3) NOT NULL,
  -- Why, as the review saw it: codes and the sentences operations were told.
  reasons      jsonb NOT NULL,
  told_at      timestamptz(3),
  cleared_at   timestamptz(3),
  PRIMARY KEY (partner_kind, partner_id, flag_day)
);

CREATE UNIQUE INDEX partner_flags_one_open_idx ON partner_flags (partner_kind, partner_id) WHERE cleared_at IS NULL;

-- The partner figures count the supplier steps completed within the look-back window, the returns
-- received at the warehouse in it and the ratings given in it (db/partnerFigures.ts); the two
-- event types are a small part of the timeline, so a partial index finds them without a scan.
CREATE INDEX supplier_steps_completed_idx ON supplier_steps (completed_at);
CREATE INDEX case_events_partner_figures_idx ON case_events (type, at) WHERE type IN ('parcel.delivered', 'feedback.given');

-- Down Migration

DROP INDEX case_events_partner_figures_idx;
DROP INDEX supplier_steps_completed_idx;
DROP TABLE partner_flags;
