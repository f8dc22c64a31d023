-- Up Migration

-- Inquiries in the KPI facts (docs/reports.md): their automated first response counts as the first
-- response, and their clocks as the clocks they ran. Only events recorded from now on are applied
-- this way; no inquiry was recorded before this migration, so none needs replaying.

-- One timeline event's part in its case's facts. Events are applied in the order of their seq,
-- and "before the close" means before the case.closed event (which itself counts as before).
CREATE OR REPLACE FUNCTION case_facts_apply(e case_events) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  -- The request itself is no staff action: whoever typed it in (at a store counter, on the phone) passed it on.
  by_staff constant boolean := e.seq > 1 AND e.actor_kind IN ('agent', 'supervisor', 'admin');
  -- Handing the case around and escalation bookkeeping answer nobody. An inquiry's first response
  -- is automated (an answer, or the word that a person takes it): it answers the customer although
  -- no staff member gave it (docs/processes/inquiries.md).
  answers constant boolean := (by_staff
    AND e.type NOT IN ('case.assigned', 'complaint.reassigned', 'complaint.reassign_failed')
    AND e.type NOT LIKE 'escalation.%') OR e.type = 'inquiry.first_response';
  recontact constant boolean := e.type IN ('complaint.reopened', 'information.requested')
    OR (e.type = 'message.added' AND e.actor_kind = 'customer');
  -- The complaint workflow starts both clocks as it classifies; a return starts its review clock when it asks for review;
  -- an inquiry starts its first-response clock as it classifies, its solution clock when a person takes it.
  clocks constant text[] := CASE e.type
    WHEN 'complaint.classified' THEN ARRAY['first_response', 'solution']
    WHEN 'inquiry.classified' THEN ARRAY['first_response']
    WHEN 'inquiry.handed_over' THEN ARRAY['solution']
    WHEN 'review.requested' THEN ARRAY['review']
    ELSE '{}'::text[] END;
  breached constant text[] := CASE WHEN e.type = 'sla.breached' AND e.data->>'clock' IS NOT NULL THEN ARRAY[e.data->>'clock'] ELSE '{}'::text[] END;
  rating constant boolean := e.type IN ('feedback.given', 'survey.answered');
  repeat constant boolean := e.type = 'complaint.classified' AND e.data->>'repeatOf' IS NOT NULL;
BEGIN
  IF NOT (by_staff OR answers OR recontact OR rating OR repeat OR e.type = 'case.closed'
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

-- Down Migration

-- One timeline event's part in its case's facts. Events are applied in the order of their seq,
-- and "before the close" means before the case.closed event (which itself counts as before).
CREATE OR REPLACE FUNCTION case_facts_apply(e case_events) RETURNS void
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
