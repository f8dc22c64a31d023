import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { inTransaction } from '../../../db/transaction';
import { createTestPool } from './caseStoreFixtures';

let pool: Pool;
beforeAll(() => {
  pool = createTestPool();
});
afterAll(() => pool.end());

test('a connection that drops mid-transaction fails that transaction, not the process, and is not reused', async () => {
  let backend = 0;
  const work = inTransaction(pool, async (client) => {
    backend = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    // As a database restart would: the server ends the session while the transaction waits.
    await pool.query('SELECT pg_terminate_backend($1)', [backend]);
    await sleep(200);
    return client.query('SELECT 1');
  });

  await expect(work).rejects.toThrow(/not queryable|terminat/i);
  const next = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  expect(next.rows[0]!.pid).not.toBe(backend);
});
