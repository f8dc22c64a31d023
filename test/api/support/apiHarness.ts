import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pino from 'pino';
import { createCaseStoreActivities } from '../../../activities/caseStore';
import { systemsOfRecord } from '../../../api/systemsOfRecord';
import { createSimulator } from '../../../sim/createSimulator';
import { addExpectedRecords } from '../../support/records';
import { startApi, type ApiDeps, type RunningApi } from '../../../api/app';
import { mintToken, type Principal, tokenSettings, type TokenSettings } from '../../../api/auth/tokens';
import { signWebhook } from '../../../api/webhooks/signature';
import { loadConfig } from '../../../config/env';
import { casePolicies } from '../../../config/policies/profiles';
import { WebhookSecrets } from '../../../config/webhookSecrets';
import { customerPayloadCodec } from '../../../db/customerKeyRing';
import { createPool } from '../../../db/pool';
import { testEnv, uniqueTaskQueue } from '../../support/env';
import { testAuthSecret, testPayloadKeys } from '../../support/secrets';
import { appliedStepsQuery } from './appliedSteps';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  // Tests read whatever fields the answer has; the API's types are what is under test.
  body: Record<string, any>;
}

async function answer(res: Response): Promise<HttpAnswer> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
}

/** Unless a test says who it is, it acts as an admin, who may do everything. */
const ADMIN: Principal = { sub: 'admin-test', role: 'admin' };

/**
 * Speaks to one running API over real HTTP, as a channel or a partner would: every request
 * carries a bearer token for `principal` (none when null) unless it sets Authorization itself.
 */
export class ApiClient {
  constructor(
    readonly url: string,
    protected readonly webhookSecret: string,
    readonly tokens: TokenSettings,
    /** The simulated order and customer systems the API reads (test/support/records.ts). */
    readonly simulatorUrl: string,
    private readonly principal: Principal | null = ADMIN,
  ) {}

  /** The same client acting as someone else (null: without a token). */
  as(principal: Principal | null): ApiClient {
    return new ApiClient(this.url, this.webhookSecret, this.tokens, this.simulatorUrl, principal);
  }

  token(principal: Principal, ttl?: string): Promise<string> {
    return mintToken(principal, this.tokens, ttl);
  }

  async request(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
    const auth: Record<string, string> = this.principal ? { authorization: `Bearer ${await this.token(this.principal)}` } : {};
    return answer(await fetch(`${this.url}${path}`, { method, body: init.body, headers: { ...auth, ...init.headers } }));
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.request('POST', path, {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  }

  /** The request's customer and order are in the simulated systems of record first (test/support/records.ts). */
  async createCase(body: unknown, idempotencyKey: string = randomUUID()) {
    await addExpectedRecords(this.simulatorUrl, body);
    return this.post('/v1/cases', body, { 'idempotency-key': idempotencyKey });
  }

  /** Opens a case and returns its id, failing the test on anything but 201. */
  async openCase(body: unknown): Promise<string> {
    const res = await this.createCase(body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  /** Posts a webhook signed as a partner would, or with the given signing time. */
  webhook(path: string, body: unknown, opts: { secret?: string; signedAt?: number } = {}) {
    const raw = JSON.stringify(body);
    return this.request('POST', path, {
      body: raw,
      headers: { 'content-type': 'application/json', ...signWebhook(opts.secret ?? this.webhookSecret, raw, opts.signedAt) },
    });
  }

  async liveStatus(caseId: string): Promise<string> {
    const res = await this.get(`/v1/cases/${caseId}`);
    return res.body.live.status as string;
  }
}

/**
 * The API on the run's Temporal server and database, with the stand-in return workflow on its
 * own task queue.
 */
export class ApiHarness extends ApiClient {
  private constructor(
    url: string,
    webhookSecret: string,
    simulatorUrl: string,
    /** What the API was built from, for tests that start a variant next to it. */
    readonly deps: ApiDeps,
    readonly client: Client,
    private readonly stops: (() => Promise<unknown>)[],
  ) {
    super(url, webhookSecret, deps.auth, simulatorUrl);
  }

  /** `settings`: environment variables for this API (rate limits, webhook secrets), as loadConfig reads them. */
  static async start(name: string, settings: Record<string, string> = {}): Promise<ApiHarness> {
    const env = testEnv();
    const taskQueue = uniqueTaskQueue(name);
    const webhookSecret = `api-test-${randomUUID()}`;
    const config = loadConfig({
      TEMPORAL_ADDRESS: env.temporalAddress,
      TEMPORAL_NAMESPACE: env.namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      DATABASE_URL: env.databaseUrl,
      ...settings,
    });
    const stops: (() => Promise<unknown>)[] = [];
    const pool = createPool(config.DATABASE_URL ?? env.databaseUrl, 5);
    stops.push(() => pool.end());
    const { payloadCodec, keyRing } = customerPayloadCodec(pool, testPayloadKeys(), 60_000);

    const nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
    stops.push(() => nativeConnection.close());
    const worker = await Worker.create({
      connection: nativeConnection,
      namespace: env.namespace,
      taskQueue,
      // Bundled once per run from ./apiTestWorkflow by test/globalSetup.ts.
      workflowBundle: { codePath: env.apiWorkflowBundlePath },
      // The repair stand-in records its supplier on the case, as the real workflow does.
      activities: createCaseStoreActivities(pool),
      dataConverter: { payloadCodecs: [payloadCodec] },
    });
    const running = worker.run();
    stops.push(async () => {
      worker.shutdown();
      await running;
    });

    const connection = await Connection.connect({ address: env.temporalAddress });
    stops.push(() => connection.close());
    // The order and customer systems intake reads; no autopilot: the stand-in workflows call no partner.
    const simulator = createSimulator({ webhookSecret, autopilot: false, catalogue: false });
    const simulatorUrl = await simulator.start(0, '127.0.0.1');
    stops.push(() => simulator.stop());
    const client = new Client({ connection, namespace: env.namespace, dataConverter: { payloadCodecs: [payloadCodec] } });

    const deps: ApiDeps = {
      config,
      pool,
      temporal: client,
      logger: pino({ level: 'silent' }),
      systems: systemsOfRecord({ orders: simulatorUrl, customers: simulatorUrl }, 2_000),
      policies: casePolicies('standard'),
      auth: tokenSettings(config, testAuthSecret()),
      webhookSecrets: new WebhookSecrets(config.WEBHOOK_SECRETS, webhookSecret),
      payloadCodec,
      customerKeys: keyRing,
    };
    const api: RunningApi = await startApi({ ...deps, host: '127.0.0.1', port: 0 });
    stops.push(() => api.close());
    return new ApiHarness(api.url, webhookSecret, simulatorUrl, deps, client, stops);
  }

  async close(): Promise<void> {
    for (const stop of this.stops.reverse()) await stop();
  }

  /** A second API on the same database with some dependencies swapped (an unreachable Temporal, a captured log). */
  async variant(overrides: Partial<ApiDeps>): Promise<ApiClient> {
    const deps = { ...this.deps, ...overrides };
    const api = await startApi({ ...deps, host: '127.0.0.1', port: 0 });
    this.stops.push(() => api.close());
    return new ApiClient(api.url, this.webhookSecret, deps.auth, this.simulatorUrl);
  }

  appliedSteps(caseId: string): Promise<number> {
    return this.client.workflow.getHandle(caseId).query(appliedStepsQuery);
  }
}
