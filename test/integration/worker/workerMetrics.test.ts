import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { Pool } from 'pg';
import { createCaseStoreActivities } from '../../../activities/caseStore';
import { generatePayloadKeys } from '../../../config/payloadKeys';
import { openCase } from '../../../db/caseRecords';
import { registry } from '../../../metrics/registry';
import { freePort } from '../../../scripts/net';
import { testEnv, uniqueTaskQueue } from '../../support/env';
import { eventually } from '../../support/eventually';
import { scrape, total } from '../../support/metricsText';
import { caseEvent, caseInput, createTestPool } from '../db/caseStoreFixtures';

/**
 * What a worker counts (README, "Metrics"): cases closed and SLA events once each, as the case
 * store records them, and a `start:worker` process serving its own counters and the Temporal
 * SDK's worker metrics on the ports configured.
 */

let pool: Pool;
beforeAll(() => {
  pool = createTestPool();
});
afterAll(() => pool.end());

const counted = async (name: string, labels: Record<string, string>) => total(await registry.metrics(), name, labels);

describe("the case store's counters", () => {
  it('count a closed case once by its type and outcome, however often the activity retries', async () => {
    const input = caseInput({ type: 'repair' });
    await openCase(pool, input);
    const store = createCaseStoreActivities(pool);
    const labels = { type: 'repair', outcome: 'repaired' };
    const before = await counted('after_sales_cases_closed_total', labels);

    const closed = caseEvent(input.caseId, { type: 'case.closed', patch: { status: 'closed', outcome: 'repaired' } });
    await store.recordCaseEvent(closed);
    await store.recordCaseEvent(closed);

    expect(await counted('after_sales_cases_closed_total', labels)).toBe(before + 1);
  });

  it('count SLA warnings and breaches by clock, a supplier missing its response as its own clock', async () => {
    const input = caseInput();
    await openCase(pool, input);
    const store = createCaseStoreActivities(pool);
    const read = async () => ({
      warnings: await counted('after_sales_sla_warnings_total', { clock: 'review' }),
      breaches: await counted('after_sales_sla_breaches_total', { clock: 'review' }),
      supplier: await counted('after_sales_sla_breaches_total', { clock: 'supplier_response' }),
    });
    const before = await read();

    await store.recordCaseEvent(caseEvent(input.caseId, { type: 'sla.warning', data: { clock: 'review' } }));
    const breach = caseEvent(input.caseId, { type: 'sla.breached', data: { clock: 'review' } });
    await store.recordCaseEvent(breach);
    await store.recordCaseEvent(breach);
    await store.recordCaseEvent(caseEvent(input.caseId, { type: 'supplier_sla.breached', data: { step: 'diagnosed' } }));

    expect(await read()).toEqual({ warnings: before.warnings + 1, breaches: before.breaches + 1, supplier: before.supplier + 1 });
  });
});

describe('a worker process (npm run start:worker)', () => {
  let worker: ChildProcess | undefined;
  let output = '';
  afterEach(async () => {
    if (!worker || worker.exitCode !== null) return;
    const exited = new Promise((resolve) => worker!.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;
  });

  it("serves its own counters behind the token, and the Temporal SDK's worker metrics, with the slots configured", async () => {
    const env = testEnv();
    const [own, sdk] = [await freePort(), await freePort()];
    const token = 'a-metrics-token-for-the-test';
    const partner = 'http://127.0.0.1:9'; // never called: no case runs on this queue
    worker = spawn(process.execPath, [require.resolve('tsx/cli'), 'worker/main.ts'], {
      cwd: path.resolve(__dirname, '../../..'),
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: env.temporalAddress,
        TEMPORAL_NAMESPACE: env.namespace,
        TEMPORAL_TASK_QUEUE: uniqueTaskQueue('worker-metrics'),
        DATABASE_URL: env.databaseUrl,
        PAYLOAD_KEYS: generatePayloadKeys('metrics-1'),
        ...Object.fromEntries(
          ['INVENTORY_URL', 'LOGISTICS_URL', 'PAYMENTS_URL', 'NOTIFICATION_URL', 'SUPPLIER_URL', 'INSTALLER_URL', 'ORDERS_URL', 'CUSTOMERS_URL'].map((v) => [v, partner]),
        ),
        METRICS_TOKEN: token,
        METRICS_HOST: '127.0.0.1',
        WORKER_METRICS_PORT: String(own),
        TEMPORAL_METRICS_PORT: String(sdk),
        WORKER_MAX_WORKFLOW_TASKS: '7',
        WORKER_MAX_LOCAL_ACTIVITIES: '13',
        WORKER_MAX_ACTIVITIES: '11',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const ours = await eventually(async () => {
      const res = await scrape(`http://127.0.0.1:${own}/metrics`, token);
      expect(res.status).toBe(200);
      return res.text;
    }, 90_000, 500).catch((err: unknown) => {
      throw new Error(`the worker served no metrics: ${String(err)}\n${output.slice(-3000)}`);
    });
    expect(ours).toMatch(/^# TYPE after_sales_cases_closed_total counter$/m);
    expect((await scrape(`http://127.0.0.1:${own}/metrics`)).status).toBe(401);

    // The SDK's exporter reports once its worker polls: task slots (as many as configured, all free), pollers, latencies.
    await eventually(async () => {
      const { text } = await scrape(`http://127.0.0.1:${sdk}/metrics`);
      const free = (type: string) => total(text, 'temporal_worker_task_slots_available', { worker_type: type });
      expect({ workflow: free('WorkflowWorker'), local: free('LocalActivityWorker'), remote: free('ActivityWorker') }).toEqual({
        workflow: 7,
        local: 13,
        remote: 11,
      });
    }, 60_000, 500);
  });
});
