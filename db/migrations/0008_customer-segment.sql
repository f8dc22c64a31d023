-- Up Migration

-- A case records the segment its customer's order history gave at intake (high_value, loyal,
-- new, at_risk, standard); cases opened before segments keep the tier their request claimed.
ALTER TABLE cases RENAME COLUMN customer_tier TO customer_segment;

-- Down Migration

ALTER TABLE cases RENAME COLUMN customer_segment TO customer_tier;
