import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection, type ScheduleHandle } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Pool } from 'pg';
import { createRetentionActivities } from '../../../activities/retention';
import { days } from '../../../config/policies/duration';
import { type PrivacyPolicy, privacyPolicies } from '../../../config/policies/privacyPolicy';
import { openCase } from '../../../db/caseRecords';
import { customerPayloadCodec, type CustomerKeyRing } from '../../../db/customerKeyRing';
import { migrateDatabase } from '../../../db/migrate';
import { createPool } from '../../../db/pool';
import { workflowTracingSinks } from '../../../tracing/temporal';
import { ensureSchedules, scheduleIdOf, serviceSchedules } from '../../../worker/schedules';
import type { RetentionResult } from '../../../workflows/retention/input';
import { retentionSchedule, retentionScheduleName } from '../../../workflows/retention/schedule';
import { caseInput } from '../db/caseStoreFixtures';
import { ownDatabase } from '../db/ownDatabase';
import { testEnv, uniqueTaskQueue } from '../../support/env';
import { triggerAndWait } from '../../support/schedules';
import { testPayloadKeys } from '../../support/secrets';

/**
 * Retention on the real server (docs/security.md#erasure-and-retention), run by its schedule as
 * workers create it at start-up: the cases closed more than three years ago lose their personal
 * data, a batch at a time, and a customer left with no other case loses their data key; a newer
 * case and an open one keep everything. On a database of its own, so the run meets this file's
 * cases alone.
 */

// Batches of two, so three expired cases take two.
const policy: PrivacyPolicy = { ...privacyPolicies.standard, version: 'privacy/test', retentionBatchSize: 2 };
const database = ownDatabase('retention');
const taskQueue = uniqueTaskQueue('retention');
const stops: (() => Promise<unknown>)[] = [];
let pool: Pool;
let keyRing: CustomerKeyRing;
let client: Client;
let schedule: ScheduleHandle;

beforeAll(async () => {
  const env = testEnv();
  await database.create();
  stops.push(() => database.drop());
  await migrateDatabase(database.url);
  pool = createPool(database.url, 4);
  stops.push(() => pool.end());
  const codec = customerPayloadCodec(pool, testPayloadKeys(), 60_000);
  keyRing = codec.keyRing;
  const nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
  stops.push(() => nativeConnection.close());
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace: env.namespace,
    taskQueue,
    workflowBundle: { codePath: env.workflowBundlePath },
    activities: createRetentionActivities(pool, keyRing),
    dataConverter: { payloadCodecs: [codec.payloadCodec] },
    // The bundle's tracing interceptors export through it, as in every worker (worker/createWorker.ts).
    sinks: workflowTracingSinks(),
  });
  const running = worker.run();
  stops.push(async () => {
    worker.shutdown();
    await running;
  });
  const connection = await Connection.connect({ address: env.temporalAddress });
  stops.push(() => connection.close());
  client = new Client({ connection, namespace: env.namespace, dataConverter: { payloadCodecs: [codec.payloadCodec] } });
  schedule = client.schedule.getHandle(scheduleIdOf(taskQueue, retentionScheduleName));
  stops.push(() => schedule.delete().catch(() => undefined));
});
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

/** A case of the customer closed `closedDaysAgo` days ago (open when null), its customer's key made as its workflow would. */
async function caseOf(customerId: string, closedDaysAgo: number | null): Promise<string> {
  const caseId = `case_${randomBytes(13).toString('hex')}`;
  await openCase(pool, caseInput({ caseId, customerId, details: { reason: 'bought for Erika Muster' } }));
  await keyRing.keyForWorkflow(caseId);
  if (closedDaysAgo !== null) {
    await pool.query("UPDATE cases SET status = 'closed', closed_at = now() - make_interval(days => $2) WHERE id = $1", [caseId, closedDaysAgo]);
  }
  return caseId;
}

const liveKeys = async (customerId: string) =>
  (await pool.query('SELECT count(*)::int AS n FROM customer_data_keys WHERE customer_key_id = ANY ($1) AND destroyed_at IS NULL', [keyRing.customerKeyIds(customerId)]))
    .rows[0].n as number;

it('is a daily schedule of every worker, at the policy’s time, pinning the policy', async () => {
  expect(serviceSchedules('standard')).toContainEqual(retentionSchedule(privacyPolicies.standard));
  expect(await ensureSchedules(client, taskQueue, [retentionSchedule(policy)])).toEqual([{ scheduleId: schedule.scheduleId, change: 'created' }]);
  expect(await ensureSchedules(client, taskQueue, [retentionSchedule(policy)])).toEqual([{ scheduleId: schedule.scheduleId, change: 'unchanged' }]);
  const described = await schedule.describe();
  expect(described.spec.timezone).toBe(policy.timeZone);
  expect(described.spec.calendars).toEqual([
    expect.objectContaining({
      hour: [expect.objectContaining({ start: policy.retentionRunAt.hour, end: policy.retentionRunAt.hour })],
      minute: [expect.objectContaining({ start: policy.retentionRunAt.minute, end: policy.retentionRunAt.minute })],
    }),
  ]);
  expect(described.action).toMatchObject({ workflowType: 'privacyRetention', taskQueue, args: [{ policy }] });
});

it('erases the cases closed more than three years ago and leaves newer and open ones; a customer left with none loses their key', async () => {
  const [gone, back] = [`cust-${randomUUID()}`, `cust-${randomUUID()}`];
  const threeYears = policy.retainAfterCloseMs / days(1);
  const expired = [await caseOf(gone, threeYears + 400), await caseOf(gone, threeYears + 1), await caseOf(back, threeYears + 2)];
  const kept = [await caseOf(back, threeYears - 1), await caseOf(back, null)];

  const run = await triggerAndWait<RetentionResult>(schedule, client.workflow);

  expect(run).toMatchObject({ batches: 2, cases: 3, dataKeys: 1 });
  const { rows } = await pool.query<{ id: string; customer_id: string; details: Record<string, unknown> }>(
    'SELECT id, customer_id, details FROM cases WHERE id = ANY ($1)',
    [[...expired, ...kept]],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of expired) expect(byId.get(id)).toMatchObject({ customer_id: `erased:${id}`, details: { reason: '[erased]' } });
  for (const id of kept) expect(byId.get(id)).toMatchObject({ customer_id: back, details: { reason: 'bought for Erika Muster' } });
  expect([await liveKeys(gone), await liveKeys(back)]).toEqual([0, 1]);
  const { rows: audit } = await pool.query("SELECT counts FROM privacy_requests WHERE kind = 'retention' ORDER BY id");
  expect(audit.map((r) => r.counts.cases)).toEqual([2, 1]);

  const again = await triggerAndWait<RetentionResult>(schedule, client.workflow);
  expect(again).toMatchObject({ batches: 1, cases: 0, dataKeys: 0 });
});
