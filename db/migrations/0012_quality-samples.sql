-- Up Migration

-- Every message to a customer the notification gateway accepted, one row per message (its
-- idempotency key): the quality check counts them against the steps that owe the customer one.
-- Not timeline events, so a case's timeline stays the steps of the case; no foreign key, since
-- a message may go out for a case whose record is written a moment later.
CREATE TABLE case_notifications (
  idempotency_key text PRIMARY KEY,
  case_id         text NOT NULL,
  template        text NOT NULL,
  message_id      text NOT NULL,
  sent_at         timestamptz(3) NOT NULL
);
CREATE INDEX case_notifications_case_idx ON case_notifications (case_id);

-- One row per day drawn (docs/quality.md): its existence makes a second draw of the day add
-- nothing, and it keeps what the day was drawn with (the rubric its reviews are scored by).
CREATE TABLE quality_sample_days (
  day            date PRIMARY KEY,
  drawn_at       timestamptz(3) NOT NULL,
  policy_version text NOT NULL,
  share          numeric NOT NULL,
  time_zone      text NOT NULL,
  rubric         jsonb NOT NULL,
  -- [{type, channel, closed, sampled}]
  strata         jsonb NOT NULL
);

-- A case is sampled once; its review is written once (the API refuses a second).
CREATE TABLE quality_samples (
  case_id       text PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  day           date NOT NULL REFERENCES quality_sample_days (day),
  due_at        timestamptz(3) NOT NULL,
  process_check jsonb NOT NULL,
  reviewer      text,
  reviewed_at   timestamptz(3),
  scores        jsonb,
  score         numeric(4, 1),
  passed        boolean,
  comment       text,
  CONSTRAINT quality_samples_review_whole CHECK (
    (reviewed_at IS NULL) = (reviewer IS NULL) AND (reviewed_at IS NULL) = (scores IS NULL)
  )
);
CREATE INDEX quality_samples_day_idx ON quality_samples (day, case_id);
-- The quality work queue lists the unreviewed ones, soonest due first.
CREATE INDEX quality_samples_open_idx ON quality_samples (due_at) WHERE reviewed_at IS NULL;

-- A day's draw reads the cases closed that day, by type and channel.
CREATE INDEX cases_closed_by_stratum_idx ON cases (closed_at, type, channel) WHERE closed_at IS NOT NULL;

-- Down Migration

DROP INDEX cases_closed_by_stratum_idx;
DROP TABLE quality_samples;
DROP TABLE quality_sample_days;
DROP TABLE case_notifications;
