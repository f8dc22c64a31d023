-- Up Migration

-- The timeline and audit trail of a case. event_key makes recording idempotent: an activity
-- retried after a lost acknowledgement finds its event already there.
CREATE TABLE case_events (
  case_id    text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  seq        integer NOT NULL,
  event_key  text NOT NULL,
  at         timestamptz(3) NOT NULL,
  type       text NOT NULL,
  actor_kind text NOT NULL,
  actor_id   text NOT NULL,
  data       jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (case_id, seq),
  CONSTRAINT case_events_event_key_unique UNIQUE (case_id, event_key)
);

-- An audit trail that can be edited is not one. The only way a row goes is together with its
-- case (a case whose workflow never started is removed so the customer can retry), which the
-- cascade does after the case row is already gone.
CREATE FUNCTION case_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM cases WHERE id = OLD.case_id) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'case_events is append-only: % of case % seq % refused', TG_OP, OLD.case_id, OLD.seq
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER case_events_append_only
  BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_append_only();

-- Down Migration

DROP TABLE case_events;
DROP FUNCTION case_events_append_only();
