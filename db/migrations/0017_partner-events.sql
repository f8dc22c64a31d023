-- Up Migration

-- Every partner event a webhook took about a case its partner reports on, refused or not, under
-- the partner's own event id: the id then means that event and no other. The same event again is
-- a redelivery (Temporal's update id answers it); the id with another body is refused, naming its
-- first use. What the event said is kept as a hash; its step, case and times name the first use.
CREATE TABLE partner_events (
  partner_kind text NOT NULL,
  partner_id   text NOT NULL,
  event_id     text NOT NULL,
  event_hash   text NOT NULL,
  case_id      text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  step         text NOT NULL,
  -- As the partner wrote it, so the refusal quotes it back unchanged.
  occurred_at  text NOT NULL,
  received_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (partner_kind, partner_id, event_id)
);

CREATE INDEX partner_events_case_idx ON partner_events (case_id);

-- Down Migration

DROP TABLE partner_events;
