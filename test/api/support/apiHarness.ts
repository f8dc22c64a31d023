import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pino from 'pino';
import { startApi, type ApiDeps, type RunningApi } from '../../../api/app';
import { signWebhook } from '../../../api/webhooks/signature';
import { loadConfig } from '../../../config/env';
import { returnPolicies } from '../../../config/policies/returnPolicy';
import { createPool } from '../../../db/pool';
import { testEnv, uniqueTaskQueue } from '../../support/env';
import { appliedStepsQuery } from './apiTestWorkflow';

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

/** Speaks to one running API over real HTTP, as a channel or a partner would. */
export class ApiClient {
  constructor(
    readonly url: string,
    private readonly webhookSecret: string,
  ) {}

  async request(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
    return answer(await fetch(`${this.url}${path}`, { method, body: init.body, headers: init.headers }));
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

  createCase(body: unknown, idempotencyKey: string = randomUUID()) {
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
    /** What the API was built from, for tests that start a variant next to it. */
    readonly deps: ApiDeps,
    readonly client: Client,
    private readonly stops: (() => Promise<unknown>)[],
  ) {
    super(url, deps.webhookSecret);
  }

  static async start(name: string): Promise<ApiHarness> {
    const env = testEnv();
    const taskQueue = uniqueTaskQueue(name);
    const config = loadConfig({
      TEMPORAL_ADDRESS: env.temporalAddress,
      TEMPORAL_NAMESPACE: env.namespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      DATABASE_URL: env.databaseUrl,
    });
    const stops: (() => Promise<unknown>)[] = [];
    const pool = createPool(env.databaseUrl, 5);
    stops.push(() => pool.end());

    const nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
    stops.push(() => nativeConnection.close());
    const worker = await Worker.create({
      connection: nativeConnection,
      namespace: env.namespace,
      taskQueue,
      workflowsPath: require.resolve('./apiTestWorkflow'),
    });
    const running = worker.run();
    stops.push(async () => {
      worker.shutdown();
      await running;
    });

    const connection = await Connection.connect({ address: env.temporalAddress });
    stops.push(() => connection.close());
    const client = new Client({ connection, namespace: env.namespace });

    const deps: ApiDeps = {
      config,
      pool,
      temporal: client,
      logger: pino({ level: 'silent' }),
      policies: { returns: returnPolicies.standard },
      webhookSecret: `api-test-${randomUUID()}`,
    };
    const api: RunningApi = await startApi({ ...deps, host: '127.0.0.1', port: 0 });
    stops.push(() => api.close());
    return new ApiHarness(api.url, deps, client, stops);
  }

  async close(): Promise<void> {
    for (const stop of this.stops.reverse()) await stop();
  }

  /** A second API on the same database with some dependencies swapped (an unreachable Temporal, a captured log). */
  async variant(overrides: Partial<ApiDeps>): Promise<ApiClient> {
    const deps = { ...this.deps, ...overrides };
    const api = await startApi({ ...deps, host: '127.0.0.1', port: 0 });
    this.stops.push(() => api.close());
    return new ApiClient(api.url, deps.webhookSecret);
  }

  appliedSteps(caseId: string): Promise<number> {
    return this.client.workflow.getHandle(caseId).query(appliedStepsQuery);
  }
}
