-- Up Migration

-- What the KPI report measures of each case (README, "KPIs"), one narrow row per case, so a report
-- over 100,000 cases reads 100,000 small rows instead of their million timeline events. The rows
-- are kept by triggers in the transaction that writes the case row or the event, whoever writes
-- them; the report never reads the timeline.
CREATE TABLE case_facts (
  case_id           text PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  type              text NOT NULL,
  channel           text NOT NULL,
  segment           text NOT NULL,
  policy_version    text NOT NULL,
  created_at        timestamptz(3) NOT NULL,
  assignee          text,
  -- The last staff member who acted before the case closed: whose case it was if nobody held it.
  last_staff_actor  text,
  -- A staff member acted between the request and the close: the case was not resolved by automation.
  staff_acted       boolean NOT NULL DEFAULT false,
  first_response_at timestamptz(3),
  first_response_by text,
  -- Times the customer had to come back before the close (reopened, asked for more, wrote again).
  recontacts        integer NOT NULL DEFAULT 0,
  repeat_complaint  boolean NOT NULL DEFAULT false,
  -- The service-level clocks the case ran, and those of them it breached.
  sla_clocks        text[] NOT NULL DEFAULT '{}',
  sla_breached      text[] NOT NULL DEFAULT '{}',
  closed_at         timestamptz(3),
  outcome           text,
  csat              smallint,
  nps               smallint,
  rated_at          timestamptz(3)
);

-- Each figure counts the cases whose own event fell in the report's window; each event's time is indexed.
CREATE INDEX case_facts_created_idx ON case_facts (created_at);
CREATE INDEX case_facts_closed_idx ON case_facts (closed_at);
CREATE INDEX case_facts_first_response_idx ON case_facts (first_response_at);
CREATE INDEX case_facts_rated_idx ON case_facts (rated_at);
-- Supplier punctuality counts the steps completed in the window, through supplier_steps_completed_idx (0013).

CREATE FUNCTION case_facts_open() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO case_facts (case_id, type, channel, segment, policy_version, created_at, assignee)
  VALUES (NEW.id, NEW.type, NEW.channel, NEW.customer_segment, NEW.policy_version, NEW.created_at, NEW.assignee);
  RETURN NULL;
END;
$$;

CREATE FUNCTION case_facts_assignee() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_facts SET assignee = NEW.assignee WHERE case_id = NEW.id;
  RETURN NULL;
END;
$$;

-- A rating's score as the facts keep it: a whole number from 0 to 10, anything else none, so no
-- event's data can make its own recording fail.
CREATE FUNCTION case_facts_score(value jsonb) RETURNS smallint
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(value) = 'number' AND value::text ~ '^([0-9]|10)$' THEN value::text::smallint END;
$$;

-- One timeline event's part in its case's facts. Events are applied in the order of their seq,
-- and "before the close" means before the case.closed event (which itself counts as before).
CREATE FUNCTION case_facts_apply(e case_events) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  -- The request itself is no staff action: whoever typed it in (at a store counter, on the phone) passed it on.
  by_staff constant boolean := e.seq > 1 AND e.actor_kind IN ('agent', 'supervisor', 'admin');
  -- Handing the case around and escalation bookkeeping answer nobody.
  answers constant boolean := by_staff
    AND e.type NOT IN ('case.assigned', 'complaint.reassigned', 'complaint.reassign_failed')
    AND e.type NOT LIKE 'escalation.%';
  recontact constant boolean := e.type IN ('complaint.reopened', 'information.requested')
    OR (e.type = 'message.added' AND e.actor_kind = 'customer');
  -- The complaint workflow starts both clocks as it classifies; a return starts its review clock when it asks for review.
  clocks constant text[] := CASE e.type
    WHEN 'complaint.classified' THEN ARRAY['first_response', 'solution']
    WHEN 'review.requested' THEN ARRAY['review']
    ELSE '{}'::text[] END;
  breached constant text[] := CASE WHEN e.type = 'sla.breached' AND e.data->>'clock' IS NOT NULL THEN ARRAY[e.data->>'clock'] ELSE '{}'::text[] END;
  rating constant boolean := e.type IN ('feedback.given', 'survey.answered');
  repeat constant boolean := e.type = 'complaint.classified' AND e.data->>'repeatOf' IS NOT NULL;
BEGIN
  IF NOT (by_staff OR recontact OR rating OR repeat OR e.type = 'case.closed'
          OR cardinality(clocks) > 0 OR cardinality(breached) > 0) THEN
    RETURN;
  END IF;
  UPDATE case_facts f SET
    staff_acted       = f.staff_acted OR (f.closed_at IS NULL AND by_staff),
    last_staff_actor  = CASE WHEN f.closed_at IS NULL AND by_staff THEN e.actor_id ELSE f.last_staff_actor END,
    first_response_at = CASE WHEN f.closed_at IS NULL AND answers AND f.first_response_at IS NULL THEN e.at ELSE f.first_response_at END,
    first_response_by = CASE WHEN f.closed_at IS NULL AND answers AND f.first_response_at IS NULL THEN e.actor_id ELSE f.first_response_by END,
    recontacts        = f.recontacts + (f.closed_at IS NULL AND recontact)::integer,
    repeat_complaint  = f.repeat_complaint OR repeat,
    sla_clocks        = CASE WHEN clocks <@ f.sla_clocks THEN f.sla_clocks ELSE f.sla_clocks || clocks END,
    sla_breached      = CASE WHEN breached <@ f.sla_breached THEN f.sla_breached ELSE f.sla_breached || breached END,
    closed_at         = CASE WHEN e.type = 'case.closed' THEN e.at ELSE f.closed_at END,
    outcome           = CASE WHEN e.type = 'case.closed' THEN e.data->>'outcome' ELSE f.outcome END,
    -- A return's survey from before every case was asked gave a score and no NPS.
    csat              = CASE WHEN rating THEN case_facts_score(coalesce(e.data->'csat', e.data->'score')) ELSE f.csat END,
    nps               = CASE WHEN rating THEN case_facts_score(e.data->'nps') ELSE f.nps END,
    rated_at          = CASE WHEN rating THEN e.at ELSE f.rated_at END
  WHERE f.case_id = e.case_id;
END;
$$;

CREATE FUNCTION case_facts_event() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM case_facts_apply(NEW);
  RETURN NULL;
END;
$$;

-- The triggers first: they lock both tables until this migration commits, so nothing written
-- meanwhile by a running service escapes the backfill below.
CREATE TRIGGER case_facts_open AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION case_facts_open();
CREATE TRIGGER case_facts_assignee AFTER UPDATE OF assignee ON cases
  FOR EACH ROW WHEN (OLD.assignee IS DISTINCT FROM NEW.assignee) EXECUTE FUNCTION case_facts_assignee();
CREATE TRIGGER case_facts_event AFTER INSERT ON case_events FOR EACH ROW EXECUTE FUNCTION case_facts_event();

-- Cases recorded before this migration: their facts from their rows and their timelines, replayed in order
-- (test/integration/db/caseFacts.test.ts runs this part again and compares with the triggers' work).
INSERT INTO case_facts (case_id, type, channel, segment, policy_version, created_at, assignee)
SELECT id, type, channel, customer_segment, policy_version, created_at, assignee FROM cases;

DO $$
DECLARE
  e case_events;
BEGIN
  FOR e IN SELECT * FROM case_events ORDER BY case_id, seq LOOP
    PERFORM case_facts_apply(e);
  END LOOP;
END;
$$;

-- Down Migration

DROP TRIGGER case_facts_event ON case_events;
DROP TRIGGER case_facts_assignee ON cases;
DROP TRIGGER case_facts_open ON cases;
DROP FUNCTION case_facts_event();
DROP FUNCTION case_facts_apply(case_events);
DROP FUNCTION case_facts_score(jsonb);
DROP FUNCTION case_facts_assignee();
DROP FUNCTION case_facts_open();
DROP TABLE case_facts;
