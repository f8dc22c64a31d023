import { readFile, writeFile } from 'node:fs/promises';
import type { Pool } from 'pg';

/**
 * The customers' data keys a recording's histories are encrypted with (config/dataKeys.ts), kept
 * beside them as the database held them: wrapped by the fixtures' own master key
 * (test/fixtures/histories/payload-key.txt), so they are no more secret than that key. The replay
 * test puts them in its database, and the worker's codec reads the histories as in production.
 */

export const DATA_KEYS_FILE = 'data-keys.json';

interface DataKeyRow {
  keyId: string;
  customerKeyId: string;
  masterKeyId: string;
  wrappedKey: string;
}

/** Writes every live data key of the recording's database to `file`. */
export async function exportDataKeys(pool: Pool, file: string): Promise<number> {
  const { rows } = await pool.query<DataKeyRow>(
    `SELECT key_id AS "keyId", customer_key_id AS "customerKeyId", master_key_id AS "masterKeyId", replace(encode(wrapped_key, 'base64'), E'\n', '') AS "wrappedKey"
       FROM customer_data_keys WHERE destroyed_at IS NULL ORDER BY key_id`,
  );
  await writeFile(file, `${JSON.stringify(rows, null, 2)}\n`);
  return rows.length;
}

/**
 * Adds a recording's data keys to a database; keys it holds already stay as they are. Recordings
 * run on the same seeded customers, each with a data key of its own, and a customer has one live
 * key: a key of a customer another recording's key already stands for goes in under a customer key
 * id of its own. Replays find keys by key id alone (a payload names its key), so each still decrypts.
 */
export async function importDataKeys(pool: Pool, file: string): Promise<void> {
  const rows = JSON.parse(await readFile(file, 'utf8')) as DataKeyRow[];
  await pool.query(
    `INSERT INTO customer_data_keys (key_id, customer_key_id, master_key_id, wrapped_key)
     SELECT k.key_id,
            CASE WHEN EXISTS (SELECT 1 FROM customer_data_keys held
                               WHERE held.customer_key_id = k.customer_key_id AND held.destroyed_at IS NULL AND held.key_id <> k.key_id)
                 THEN k.customer_key_id || '/' || k.key_id ELSE k.customer_key_id END,
            k.master_key_id, decode(k.wrapped_key, 'base64')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS k (key_id, customer_key_id, master_key_id, wrapped_key)
     ON CONFLICT DO NOTHING`,
    [rows.map((r) => r.keyId), rows.map((r) => r.customerKeyId), rows.map((r) => r.masterKeyId), rows.map((r) => r.wrappedKey)],
  );
}
