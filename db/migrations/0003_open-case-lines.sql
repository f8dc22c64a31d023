-- Up Migration

-- Which open case holds each order line. The primary key is what stops a second channel from
-- opening a case on a line already in progress; the claim is deleted when its case closes.
CREATE TABLE open_case_lines (
  order_id text NOT NULL,
  sku      text NOT NULL,
  case_id  text NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  PRIMARY KEY (order_id, sku)
);

-- Closing a case releases its claims by case id.
CREATE INDEX open_case_lines_case_idx ON open_case_lines (case_id);

-- Down Migration

DROP TABLE open_case_lines;
