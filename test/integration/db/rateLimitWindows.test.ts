import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Options } from 'express-rate-limit';
import type { Pool } from 'pg';
import pino from 'pino';
import { SharedRateLimitStore } from '../../../api/middleware/sharedRateLimitStore';
import { eventually } from '../../support/eventually';
import { createTestPool } from './caseStoreFixtures';

/** The shared rate-limit store on its own, with a one-second window and keys of this test's own. */
const WINDOW_MS = 1_000;
let pool: Pool;
beforeAll(() => {
  pool = createTestPool();
});
afterAll(() => pool.end());

function store(prefix: string): SharedRateLimitStore {
  const made = new SharedRateLimitStore(pool, prefix, pino({ level: 'silent' }));
  made.init({ windowMs: WINDOW_MS } as Options);
  return made;
}

async function storedKeys(prefix: string): Promise<string[]> {
  const { rows } = await pool.query<{ key: string }>('SELECT key FROM rate_limit_windows WHERE key LIKE $1 ORDER BY key', [`${prefix}%`]);
  return rows.map((row) => row.key);
}

test('stores on one database count one window per client, whichever counts; a window that ended starts again at 1', async () => {
  const prefix = `limits-${randomUUID()}:`;
  const [one, other] = [store(prefix), store(prefix)];

  const counts = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? one : other).increment('client')));
  expect(counts.map((c) => c.totalHits).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(counts.every((c) => c.resetTime!.getTime() > Date.now() && c.resetTime!.getTime() <= Date.now() + WINDOW_MS)).toBe(true);
  expect((await other.get('client'))?.totalHits).toBe(10);

  await sleep(WINDOW_MS + 100);
  expect(await one.get('client')).toBeUndefined();
  expect((await other.increment('client')).totalHits).toBe(1);
});

test('windows that ended are swept by the next window’s traffic, of every client, not only the one counted', async () => {
  const prefix = `sweep-${randomUUID()}:`;
  const limiter = store(prefix);
  await limiter.increment('gone-quiet');
  await limiter.increment('still-busy');
  expect(await storedKeys(prefix)).toEqual([`${prefix}gone-quiet`, `${prefix}still-busy`]);

  await sleep(WINDOW_MS + 100);
  await limiter.increment('still-busy');

  await eventually(async () => expect(await storedKeys(prefix)).toEqual([`${prefix}still-busy`]));
});
