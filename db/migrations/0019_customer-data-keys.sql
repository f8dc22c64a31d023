-- Up Migration

-- Each customer's data key, the key their cases' Temporal payloads are encrypted with
-- (config/dataKeys.ts, docs/security.md#erasure-and-retention), stored only wrapped by a master
-- key from PAYLOAD_KEYS. A row says which customer it serves by the customer key id, a keyed hash
-- of the customer id, not by the id itself. Erasure destroys the key: the wrapped key goes, the
-- row stays, so a payload under it is known to be erased rather than unknown.
CREATE TABLE customer_data_keys (
  key_id          text PRIMARY KEY,
  customer_key_id text NOT NULL,
  master_key_id   text NOT NULL,
  wrapped_key     bytea,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  destroyed_at    timestamptz(3),
  CONSTRAINT customer_data_keys_destroyed_whole CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);

-- One live key per customer key id: two first cases of a customer at once end up with the same
-- key. A customer who comes back after an erasure is given a new one.
CREATE UNIQUE INDEX customer_data_keys_live_idx ON customer_data_keys (customer_key_id) WHERE destroyed_at IS NULL;

-- When a case's personal data was erased (its customer's request, or retention): from then on
-- nothing is written for it, and its customer's data key is not looked up for it.
ALTER TABLE cases ADD COLUMN erased_at timestamptz(3);

-- Down Migration

ALTER TABLE cases DROP COLUMN erased_at;
DROP TABLE customer_data_keys;
