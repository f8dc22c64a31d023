-- Up Migration

-- A request that joined an open case about the same matter instead of opening one, under the id
-- its Idempotency-Key would have given a case: a retry joins once more as a replay, and the same
-- key with another body is refused, exactly as for a request that opened a case.
CREATE TABLE joined_requests (
  request_id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  request_hash text NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration

DROP TABLE joined_requests;
