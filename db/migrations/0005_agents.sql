-- Up Migration

-- The people who work the human steps, with the skills routing matches on and how many open
-- cases each can hold at once.
CREATE TABLE agents (
  id         text PRIMARY KEY,
  name       text NOT NULL,
  skills     text[] NOT NULL DEFAULT '{}',
  capacity   integer NOT NULL CHECK (capacity >= 0),
  available  boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

-- Who holds which case: an agent's workload is their row count here. One row per case, so a
-- retried assignment cannot count a case twice.
CREATE TABLE agent_assignments (
  case_id     text PRIMARY KEY,
  agent_id    text NOT NULL REFERENCES agents (id),
  assigned_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX agent_assignments_agent_idx ON agent_assignments (agent_id);

-- Down Migration

DROP TABLE agent_assignments;
DROP TABLE agents;
