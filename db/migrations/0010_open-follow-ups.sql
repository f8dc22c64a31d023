-- Up Migration

-- A low rating's follow-up waits in the supervisors' queue (db/workItems.ts): few cases have one
-- open at a time, so a partial index finds them without reading every closed case.
CREATE INDEX cases_open_follow_up_idx ON cases (id) WHERE (details->'feedback'->'followUp'->>'open') = 'true';

-- Down Migration

DROP INDEX cases_open_follow_up_idx;
