-- Up Migration

-- Work queues list every case with an open escalation (details.escalation.open, written by the
-- escalation workflow), closed cases included; the few open ones are found without a scan.
CREATE INDEX cases_open_escalation_idx ON cases (id) WHERE (details->'escalation'->>'open') = 'true';

-- Down Migration

DROP INDEX cases_open_escalation_idx;
