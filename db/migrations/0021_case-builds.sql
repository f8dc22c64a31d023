-- Up Migration

-- Worker Versioning (docs/versioning.md): the build ids of the workers that ran each case, in the
-- order they ran it; a case that moved from one build to the next shows both, and a case only
-- unversioned workers ran shows none. A versioned worker adds its own with each timeline event it
-- records (db/caseRecords.ts). A default that is a constant adds the column without rewriting the table.
ALTER TABLE cases ADD COLUMN build_ids text[] NOT NULL DEFAULT '{}';

-- The KPI report groups by the build that ran the case's last step up to its close: for a closed
-- case, the build that closed it (a survey answered later on another build does not move it).
ALTER TABLE case_facts ADD COLUMN build_id text;

CREATE FUNCTION case_facts_build() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_facts SET build_id = NEW.build_ids[cardinality(NEW.build_ids)] WHERE case_id = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER case_facts_build AFTER UPDATE OF build_ids ON cases
  FOR EACH ROW WHEN (OLD.build_ids IS DISTINCT FROM NEW.build_ids AND OLD.closed_at IS NULL)
  EXECUTE FUNCTION case_facts_build();

-- Down Migration

DROP TRIGGER case_facts_build ON cases;
DROP FUNCTION case_facts_build();
ALTER TABLE case_facts DROP COLUMN build_id;
ALTER TABLE cases DROP COLUMN build_ids;
