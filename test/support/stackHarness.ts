import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../config/env';
import { createLogger } from '../../config/logger';
import type { ReturnPolicy } from '../../config/policies/returnPolicy';
import { startStack, type Stack } from '../../scripts/stack';
import { testEnv, uniqueTaskQueue } from './env';
import { eventually } from './eventually';
import { testReturnPolicy } from './returnCases';
import type { SimRecords } from './workflowHarness';

/** The whole service as `npm start` runs it, on the run's Temporal server and database. */
export async function startTestStack(name: string, returnPolicy: ReturnPolicy = testReturnPolicy): Promise<Stack> {
  const env = testEnv();
  const config = loadConfig({
    TEMPORAL_ADDRESS: env.temporalAddress,
    TEMPORAL_NAMESPACE: env.namespace,
    TEMPORAL_TASK_QUEUE: uniqueTaskQueue(name),
    DATABASE_URL: env.databaseUrl,
    DATABASE_POOL_MAX: '5',
    API_PORT: '0',
    LOG_LEVEL: 'warn',
    WEBHOOK_SECRET: `e2e-${randomUUID()}`,
    SIM_AUTOPILOT: 'true',
  });
  return startStack({
    config,
    logger: createLogger({ level: 'warn', name: `e2e-${name}` }),
    onProgress: () => undefined,
    returnPolicy,
    simulator: { delays: { pickupMs: 100, deliveryMs: 100, inspectionMs: 100 } },
    workflowBundlePath: env.workflowBundlePath,
  });
}

/** A thin HTTP client over the API and the simulator, speaking only what a partner or app would. */
export class ApiClient {
  constructor(private readonly stack: Stack) {}

  async post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.stack.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
  }

  async get(path: string) {
    const res = await fetch(`${this.stack.apiUrl}${path}`);
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
  }

  async createCase(body: unknown, idempotencyKey = randomUUID()) {
    return this.post('/v1/cases', body, { 'idempotency-key': idempotencyKey });
  }

  /** Waits until the live status reaches `status`; the response is the case as the API shows it. */
  async waitForStatus(caseId: string, status: string) {
    return eventually(async () => {
      const res = await this.get(`/v1/cases/${caseId}`);
      expect(res.body.status).toBe(status);
      return res.body;
    }, 60_000);
  }

  /** Waits until the searchable record (the projection, which trails the workflow) is closed too. */
  async waitForClosed(caseId: string) {
    await eventually(async () => expect(await this.timelineTypes(caseId)).toContain('case.closed'), 60_000);
    return (await this.get(`/v1/cases/${caseId}`)).body;
  }

  async timelineTypes(caseId: string): Promise<string[]> {
    const res = await this.get(`/v1/cases/${caseId}/timeline`);
    return (res.body.events as { type: string }[]).map((e) => e.type);
  }

  async sim(path: string, body?: unknown) {
    const res = await fetch(`${this.stack.simulatorUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as Record<string, any>;
  }

  async records(caseId: string): Promise<SimRecords> {
    return (await this.sim(`/sim/records?caseId=${encodeURIComponent(caseId)}`)) as SimRecords;
  }
}
