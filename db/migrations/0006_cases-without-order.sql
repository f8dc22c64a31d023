-- Up Migration

-- A complaint need not be about an order (rude staff, a website that will not load).
ALTER TABLE cases ALTER COLUMN order_id DROP NOT NULL;

-- Down Migration

UPDATE cases SET order_id = '' WHERE order_id IS NULL;
ALTER TABLE cases ALTER COLUMN order_id SET NOT NULL;
