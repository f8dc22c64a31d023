-- Up Migration

-- Every supplier step a repair waited for, timed against the supplier's response SLA: the source
-- of the supplier scorecard. One row per step of a case, so an activity retried after a lost
-- acknowledgement records nothing twice. No foreign key to cases: a scorecard outlives the
-- retention of the cases it was computed from.
CREATE TABLE supplier_steps (
  supplier_id  text NOT NULL,
  case_id      text NOT NULL,
  step         text NOT NULL,
  requested_at timestamptz(3) NOT NULL,
  completed_at timestamptz(3) NOT NULL,
  due_at       timestamptz(3) NOT NULL,
  -- Derived, so no writer can record a step as on time that was not.
  on_time      boolean GENERATED ALWAYS AS (completed_at <= due_at) STORED,
  PRIMARY KEY (case_id, step)
);

-- The scorecard reads one supplier's rows.
CREATE INDEX supplier_steps_supplier_idx ON supplier_steps (supplier_id);

-- Down Migration

DROP TABLE supplier_steps;
