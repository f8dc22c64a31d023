import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Config, loadConfig } from '../../config/env';
import { apiProcessFor } from '../../scripts/drill/apiProcess';
import type { ServiceProcess } from '../../scripts/load/serviceProcess';
import { workerProcessFor } from '../../scripts/load/workerProcess';
import { freePort } from '../../scripts/net';
import type { Stack } from '../../scripts/stack';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '../../scripts/tracing/otlpReceiver';
import { ancestry } from '../../scripts/tracing/spanTree';
import { testEnv, uniqueTaskQueue } from '../support/env';
import { addExpectedRecords } from '../support/records';
import { returnRequest } from '../support/requests';
import { ApiClient, startTestStack } from '../support/stackHarness';

/**
 * Traces as production makes them (docs/observability.md): the API and the worker run as their
 * own processes (api/main.ts, worker/main.ts) and send OTLP/HTTP JSON to a collector stand-in in
 * this test. One return is filed and refunded with tracing on, a second after the API restarted
 * with no endpoint configured. Each process sends what it still holds when it stops.
 */

const SERVER = 2;
const CLIENT = 3;
/** Personal data a channel put where instrumentation looks: the User-Agent, the query, a free-text reason. */
const EMAIL = 'alice.wang@example.com';
const PHONE = '+86 138 0013 8000';
const USER_AGENT = `shop-app/7.1 (${EMAIL}; ${PHONE})`;

let receiver: OtlpReceiver;
let stack: Stack;
let config: Config;
let logDir: string;
let apiPort: number;
let worker: ServiceProcess;
const running: ServiceProcess[] = [];

async function startApi(settings: Config): Promise<{ process: ServiceProcess; client: ApiClient }> {
  const api = apiProcessFor(settings, stack, { port: apiPort, dataDir: logDir, progress: () => undefined });
  running.push(api);
  await api.start();
  return { process: api, client: new ApiClient({ ...stack, apiUrl: `http://127.0.0.1:${apiPort}` }) };
}

/** A refunded return whose request carries the customer's e-mail and phone in its User-Agent and reason. */
async function refundedReturn(api: ApiClient): Promise<string> {
  const body = returnRequest({ reason: `too small; reach me at ${EMAIL} or ${PHONE}` });
  await addExpectedRecords(stack.simulatorUrl!, body);
  const created = await api.post('/v1/cases', body, { 'idempotency-key': randomUUID(), 'user-agent': USER_AGENT });
  expect(created.status).toBe(201);
  const caseId = created.body.id as string;
  expect((await api.waitForClosed(caseId)).outcome).toBe('refunded');
  return caseId;
}

/** Searches by a contact, as a careless client might: raw, percent-encoded, and form-encoded. */
async function searchByContact(api: ApiClient): Promise<void> {
  for (const customerId of [EMAIL, encodeURIComponent(EMAIL), encodeURIComponent(PHONE).replace(/%20/g, '+')]) {
    expect((await api.get(`/v1/cases?customerId=${customerId}`)).status).toBe(200);
  }
}

async function logLines(file: string): Promise<Record<string, any>[]> {
  const text = await readFile(path.join(logDir, file), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, any>);
}

let tracedCase: string;
let untracedCase: string;
let untracedSince: bigint;
let spans: ReceivedSpan[];

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  logDir = await mkdtemp(path.join(tmpdir(), 'aso-traces-'));
  apiPort = await freePort();
  // Partners call the API process back; the stack's own worker stays off so the traced one runs every task.
  const settings = {
    TEMPORAL_TASK_QUEUE: uniqueTaskQueue('traces'),
    PUBLIC_BASE_URL: `http://127.0.0.1:${apiPort}`,
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: receiver.url,
  };
  stack = await startTestStack('traces', {}, settings, { inProcessWorker: false });
  // What the API and worker processes take from it (scripts/drill/apiProcess.ts, scripts/load/workerProcess.ts).
  config = loadConfig({ TEMPORAL_NAMESPACE: testEnv().namespace, DATABASE_POOL_MAX: '5', ...settings });
  worker = workerProcessFor(config, stack, logDir, () => undefined);
  running.push(worker);
  const traced = await startApi(config);
  await worker.start();

  tracedCase = await refundedReturn(traced.client);
  await searchByContact(traced.client);
  await traced.process.stop();

  untracedSince = BigInt(Date.now()) * 1_000_000n;
  const untraced = await startApi({ ...config, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: undefined });
  untracedCase = await refundedReturn(untraced.client);
  await untraced.process.stop();
  await worker.stop();
  spans = receiver.spans();
}, 240_000);

afterAll(async () => {
  for (const service of running) await service.stop();
  await stack?.stop();
  await receiver?.close();
  await rm(logDir, { recursive: true, force: true });
});

const named = (span: ReceivedSpan) => [span.service, span.name];

describe('a traced return, from the request that opened it to the refund', () => {
  it('is one trace: the POST, StartWorkflow, RunWorkflow, StartActivity and RunActivity of the refund, and its call to the payment provider', () => {
    const refundCall = spans.find((s) => s.kind === CLIENT && String(s.attributes['url.full']).endsWith('/payments/refunds'));
    expect(refundCall).toBeDefined();
    const path = ancestry(spans, refundCall!);
    expect(path.map(named)).toEqual([
      ['after-sales-api', 'POST /v1/cases'],
      ['after-sales-api', 'StartWorkflow:returnCase'],
      ['after-sales-worker', 'RunWorkflow:returnCase'],
      ['after-sales-worker', 'StartActivity:issueRefund'],
      ['after-sales-worker', 'RunActivity:issueRefund'],
      ['after-sales-worker', 'POST'],
    ]);
    const [request, start] = path;
    expect(request!.parentSpanId).toBeNull();
    expect(request!.kind).toBe(SERVER);
    expect(start!.attributes.temporalWorkflowId).toBe(tracedCase);
    expect(new Set(path.map((s) => s.traceId)).size).toBe(1);
  });

  it("has a partner's webhook traced into the workflow's handling of it", () => {
    const webhook = spans.find((s) => s.kind === SERVER && s.name === 'POST /v1/webhooks/warehouses/:warehouseId');
    expect(webhook).toBeDefined();
    const handled = spans.filter((s) => s.name === 'HandleUpdate:partnerStep' && s.traceId === webhook!.traceId);
    expect(handled.map((s) => ancestry(spans, s).map(named))).toEqual([
      [
        ['after-sales-api', 'POST /v1/webhooks/warehouses/:warehouseId'],
        ['after-sales-api', 'StartWorkflowUpdate:partnerStep'],
        ['after-sales-worker', 'HandleUpdate:partnerStep'],
      ],
    ]);
  });

  it("leaves the exporter's own requests to the collector out of every trace", () => {
    expect(spans.filter((s) => String(s.attributes['http.url'] ?? s.attributes['url.full']).includes('/v1/traces'))).toEqual([]);
  });

  it("writes the request's log line with the trace and span the collector received", async () => {
    const request = spans.find((s) => s.service === 'after-sales-api' && s.name === 'POST /v1/cases')!;
    const completed = (await logLines('api.log')).filter((l) => l.msg === 'request completed' && l.req?.method === 'POST' && l.req?.url === '/v1/cases');
    expect(completed.map((l) => ({ trace_id: l.trace_id, span_id: l.span_id }))).toContainEqual({ trace_id: request.traceId, span_id: request.spanId });
  });

  it("never exports the customer's e-mail address or phone number, however the request carried them", () => {
    expect(spans.some((s) => s.attributes['http.user_agent'] === 'shop-app/7.1 ([redacted]; [redacted])')).toBe(true);
    const exported = receiver.bodies().join('\n');
    // Every form either contact may take: the request's, and the customer system's profile, which messages look up.
    const forms = [EMAIL, encodeURIComponent(EMAIL), '@example.com', '%40example.com', '138 0013 8000', '13800138000', '5550123'];
    const found = forms.flatMap((form) => {
      const at = exported.indexOf(form);
      return at === -1 ? [] : [exported.slice(Math.max(0, at - 120), at + form.length + 20)];
    });
    expect(found).toEqual([]);
  });
});

describe('with no OTLP endpoint configured', () => {
  it('the API exports nothing, and the workflow it started begins a trace of its own', () => {
    expect(spans.filter((s) => s.service === 'after-sales-api' && s.startNs >= untracedSince)).toEqual([]);
    const run = spans.find((s) => s.name === 'RunWorkflow:returnCase' && s.attributes.workflowId === untracedCase);
    expect(run).toMatchObject({ service: 'after-sales-worker', parentSpanId: null });
  });

  it('its log lines name no trace', async () => {
    const lines = await logLines('api.log');
    const restartedAt = lines.map((l) => l.msg).lastIndexOf('api listening');
    const afterRestart = lines.slice(restartedAt);
    expect(afterRestart.filter((l) => l.msg === 'request completed')).not.toEqual([]);
    expect(afterRestart.filter((l) => 'trace_id' in l)).toEqual([]);
  });
});
