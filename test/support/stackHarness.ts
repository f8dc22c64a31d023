import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken, type Principal } from '../../api/auth/tokens';
import { signWebhook } from '../../api/webhooks/signature';
import { loadConfig } from '../../config/env';
import { generatePayloadKeys } from '../../config/payloadKeys';
import { startStack, type Stack, type StackOptions } from '../../scripts/stack';
import { otlpTracesUrl } from '../../tracing/settings';
import { createTestDatabase } from '../setup/testDatabase';
import { testLogger } from '../setup/testLog';
import { addExpectedRecords } from './records';
import type { CasePolicies } from '../../config/policies/profiles';
import { stackComplaintPolicy } from './complaintCases';
import { testFeedbackPolicy } from './feedbackPolicies';
import { testSlaPolicy } from './slaPolicies';
import { testEnv, uniqueTaskQueue } from './env';
import { eventually } from './eventually';
import { testRepairPolicy } from './repairCases';
import { testReturnPolicy } from './returnCases';
import { testAuthSecret } from './secrets';
import type { SimRecords } from './workflowHarness';

/**
 * The whole service as `npm start` runs it, on the run's Temporal server and database; short
 * policy clocks unless given. `settings`: environment variables over the test's own, as loadConfig
 * reads them (the simulator's autopilot, partners' webhook secrets). `inProcessWorker: false` for a
 * test that runs the worker as a process of its own.
 */
export async function startTestStack(
  name: string,
  policies: Partial<CasePolicies> = {},
  settings: Record<string, string> = {},
  options: Pick<StackOptions, 'inProcessWorker'> = {},
): Promise<Stack> {
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
    AUTH_JWT_SECRET: testAuthSecret(),
    PAYLOAD_KEYS: generatePayloadKeys('e2e-1'),
    SIM_AUTOPILOT: 'true',
    ...settings,
  });
  return startStack({
    config,
    logger: testLogger(`e2e-${name}`),
    onProgress: () => undefined,
    policies: {
      returns: testReturnPolicy,
      repairs: testRepairPolicy,
      complaints: stackComplaintPolicy,
      sla: testSlaPolicy,
      feedback: testFeedbackPolicy,
      ...policies,
    },
    simulator: { delays: { pickupMs: 100, deliveryMs: 100, inspectionMs: 100, supplierStepMs: 100, installerStepMs: 100 } },
    // The run's bundle is that of a worker that does not trace; a stack that traces bundles its own.
    workflowBundlePath: otlpTracesUrl(config) === null ? env.workflowBundlePath : undefined,
    ...options,
  });
}

/**
 * A test stack as `npm start` runs one with nothing configured: it makes up its own token secret
 * (kept in a data folder of its own, removed on stop), so the local sign-in routes exist.
 */
export async function startLocalTestStack(
  name: string,
  policies: Partial<CasePolicies> = {},
  opts: { ownDatabase?: boolean } = {},
): Promise<Stack> {
  const dataDir = await mkdtemp(join(tmpdir(), 'aso-local-'));
  // A page that counts every case (the KPIs, the process map) needs a database of its own: other
  // test files share the run's and change its counts while the page is read.
  const database = opts.ownDatabase
    ? await createTestDatabase({ serverUrl: testEnv().databaseUrl, scratchDir: '', onProgress: () => undefined })
    : null;
  const cleanUp = async () => {
    await rm(dataDir, { recursive: true, force: true });
    await database?.dispose();
  };
  // An empty value is an unset one (config/env.ts loadConfig); the stack migrates its database.
  const settings = { AUTH_JWT_SECRET: '', DATA_DIR: dataDir, ...(database && { DATABASE_URL: database.databaseUrl }) };
  const stack = await startTestStack(name, policies, settings).catch(async (err: unknown) => {
    await cleanUp();
    throw err;
  });
  return {
    ...stack,
    stop: async () => {
      await stack.stop();
      await cleanUp();
    },
  };
}

/**
 * A thin HTTP client over the API and the simulator, speaking only what a partner or app would.
 * It acts with a token for `principal`: by default an admin, who may do everything.
 */
export class ApiClient {
  constructor(
    private readonly stack: Stack,
    private readonly principal: Principal = { sub: 'admin-e2e', role: 'admin' },
  ) {}

  /** The same client acting as someone else. */
  as(principal: Principal): ApiClient {
    return new ApiClient(this.stack, principal);
  }

  private async authorization(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await mintToken(this.principal, this.stack.tokens)}` };
  }

  async post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.stack.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await this.authorization()), ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
  }

  async get(path: string) {
    const res = await fetch(`${this.stack.apiUrl}${path}`, { headers: await this.authorization() });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
  }

  /** The request's customer and order are in the stack's simulated systems of record first (records.ts). */
  async createCase(body: unknown, idempotencyKey = randomUUID()) {
    await addExpectedRecords(this.stack.simulatorUrl!, body);
    return this.post('/v1/cases', body, { 'idempotency-key': idempotencyKey });
  }

  /** Turns a case into the one `body` asks for; its customer and order are in the simulated systems first, as for createCase. */
  async convertCase(caseId: string, body: unknown, idempotencyKey: string = randomUUID()) {
    await addExpectedRecords(this.stack.simulatorUrl!, body);
    return this.post(`/v1/cases/${caseId}/conversions`, body, { 'idempotency-key': idempotencyKey });
  }

  /** Waits until the live status reaches `status`; the response is the case as the API shows it. */
  async waitForStatus(caseId: string, status: string) {
    return eventually(async () => {
      const res = await this.get(`/v1/cases/${caseId}`);
      expect(res.body.status).toBe(status);
      return res.body;
    }, 60_000);
  }

  /** Whom routing gave the case to, once the record (which trails the workflow a moment) names them. */
  async waitForAssignee(caseId: string): Promise<string> {
    return eventually(async () => {
      const { body } = await this.get(`/v1/cases/${caseId}`);
      expect(body.assignee).toEqual(expect.any(String));
      return body.assignee as string;
    });
  }

  /** Waits until the case's survey stands at `status` ('requested': the customer can answer it now). */
  async waitForSurvey(caseId: string, status: 'requested' | 'answered' = 'requested', timeoutMs?: number): Promise<void> {
    await eventually(async () => expect((await this.get(`/v1/cases/${caseId}`)).body.details.feedback?.status).toBe(status), timeoutMs);
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

  /** Posts a partner's event to its webhook, signed with the stack's shared partner secret, as any partner without its own would. */
  async webhook(path: string, event: unknown) {
    const raw = JSON.stringify(event);
    const res = await fetch(`${this.stack.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signWebhook(this.stack.webhookSecret, raw) },
      body: raw,
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
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
