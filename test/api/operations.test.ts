import { Writable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { addExpectedRecords } from '../support/records';
import { returnRequest } from '../support/requests';
import type { ApiDeps } from '../../api/app';
import { CaseDetails, CaseStatus } from '../../workflows/registry';
import { ApiHarness, type ApiClient } from './support/apiHarness';

let api: ApiHarness;
let unreachable: Connection;
/** The same API with Temporal unreachable: nothing listens on port 1. */
let withoutTemporal: ApiClient;

beforeAll(async () => {
  api = await ApiHarness.start('api-operations');
  unreachable = Connection.lazy({ address: '127.0.0.1:1' });
  withoutTemporal = await api.variant({ temporal: new Client({ connection: unreachable }) });
});

afterAll(async () => {
  await api.close();
  await unreachable.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

describe('health', () => {
  it('is alive and ready when PostgreSQL and Temporal answer', async () => {
    expect(await api.get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await api.get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('is alive but not ready without Temporal, and says which dependency failed', async () => {
    expect((await withoutTemporal.get('/healthz')).status).toBe(200);
    const res = await withoutTemporal.get('/readyz');

    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ type: problemType('not-ready'), failed: ['temporal'] });
  });
});

describe('without Temporal', () => {
  it('answers 503 with Retry-After to a new case and keeps nothing, so the retry opens it afresh', async () => {
    const body = returnRequest();
    const key = 'retry-me';
    const refused = await withoutTemporal.createCase(body, key);

    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await api.get(`/v1/cases?customerId=${body.customer.id}`)).body.items).toEqual([]);
    const retried = await api.createCase(body, key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('still answers a case from its record, with no live view', async () => {
    const caseId = await api.openCase(returnRequest());
    const res = await withoutTemporal.get(`/v1/cases/${caseId}`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: caseId, status: 'requested', live: null });
  });
});

describe('every answer', () => {
  it('is a 404 problem for an unknown route', async () => {
    const res = await api.get('/v2/nothing');

    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: problemType('not-found'), status: 404, title: expect.any(String) });
  });

  it('is a 500 problem without internals when something unexpected breaks', async () => {
    const broken = await api.variant({
      pool: { query: () => Promise.reject(new Error('disk on fire at /var/lib/pg')) } as unknown as ApiDeps['pool'],
    });
    const res = await broken.get('/v1/cases/case_00000000000000000000000000');

    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ type: problemType('internal'), requestId: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toContain('disk on fire');
  });

  it('echoes the caller’s X-Request-Id, or makes one up', async () => {
    const given = await api.request('GET', '/healthz', { headers: { 'x-request-id': 'trace-42' } });
    const made = await api.get('/healthz');

    expect(given.headers.get('x-request-id')).toBe('trace-42');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is logged with the request id and the case id, and without contact data or credentials', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>));
        done();
      },
    });
    const logged = await api.variant({ logger: pino({ level: 'info' }, sink) });
    const body = returnRequest();
    await addExpectedRecords(api.simulatorUrl, body);
    const token = await api.token({ sub: 'agent-logged', role: 'agent' });
    const res = await logged.as(null).request('POST', '/v1/cases', {
      body: JSON.stringify(body),
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'logged-1',
        'x-request-id': 'req-logged-1',
        authorization: `Bearer ${token}`,
      },
    });

    const text = JSON.stringify(lines);
    expect(res.status).toBe(201);
    expect(text).not.toContain(token);
    // The customer system holds the customer's contact (test/support/records.ts): none of it is logged.
    expect(text).not.toContain('@example.com');
    expect(lines).toContainEqual(expect.objectContaining({ reqId: 'req-logged-1', caseId: res.body.id }));
  });
});

describe('GET /openapi.json', () => {
  it('documents every route with its parameters, bodies and problem answers', async () => {
    const res = await api.get('/openapi.json');
    const paths = res.body.paths as Record<string, Record<string, any>>;

    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(paths).sort()).toEqual([
      '/codec/decode',
      '/codec/encode',
      '/healthz',
      '/readyz',
      '/v1/agents',
      '/v1/cases',
      '/v1/cases/{id}',
      '/v1/cases/{id}/actions/accept',
      '/v1/cases/{id}/actions/acknowledge',
      '/v1/cases/{id}/actions/acknowledge-escalation',
      '/v1/cases/{id}/actions/answer',
      '/v1/cases/{id}/actions/approve',
      '/v1/cases/{id}/actions/approve-quote',
      '/v1/cases/{id}/actions/assign',
      '/v1/cases/{id}/actions/cancel',
      '/v1/cases/{id}/actions/claim',
      '/v1/cases/{id}/actions/confirm',
      '/v1/cases/{id}/actions/decline',
      '/v1/cases/{id}/actions/decline-quote',
      '/v1/cases/{id}/actions/escalate',
      '/v1/cases/{id}/actions/fixed',
      '/v1/cases/{id}/actions/helped',
      '/v1/cases/{id}/actions/message',
      '/v1/cases/{id}/actions/not_fixed',
      '/v1/cases/{id}/actions/not_helped',
      '/v1/cases/{id}/actions/propose-solution',
      '/v1/cases/{id}/actions/reassign',
      '/v1/cases/{id}/actions/reject',
      '/v1/cases/{id}/actions/reopen',
      '/v1/cases/{id}/actions/request-info',
      '/v1/cases/{id}/actions/reschedule',
      '/v1/cases/{id}/actions/survey',
      '/v1/cases/{id}/conversions',
      '/v1/cases/{id}/feedback',
      '/v1/cases/{id}/feedback/follow-up',
      '/v1/cases/{id}/timeline',
      '/v1/console/settings',
      '/v1/customers/{id}',
      '/v1/customers/{id}/data',
      '/v1/customers/{id}/erasure',
      '/v1/knowledge/articles',
      '/v1/knowledge/articles/{id}',
      '/v1/knowledge/articles/{id}/feedback',
      '/v1/partners',
      '/v1/partners/{kind}/{id}',
      '/v1/privacy/requests',
      '/v1/processes',
      '/v1/quality/draws',
      '/v1/quality/reviews/{id}',
      '/v1/quality/samples',
      '/v1/reports/agents',
      '/v1/reports/kpis',
      '/v1/suppliers/{id}/scorecard',
      '/v1/webhooks/carriers/{carrier}',
      '/v1/webhooks/installers/{installerId}',
      '/v1/webhooks/orders/{systemId}',
      '/v1/webhooks/suppliers/{supplierId}',
      '/v1/webhooks/warehouses/{warehouseId}',
      '/v1/work-items',
    ]);
    const create = paths['/v1/cases']?.post;
    expect(create.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/CreateCaseRequest' });
    expect(res.body.components.schemas.CreateCaseRequest.oneOf).toEqual([
      { $ref: '#/components/schemas/ReturnCaseRequest' },
      { $ref: '#/components/schemas/RepairCaseRequest' },
      { $ref: '#/components/schemas/ComplaintCaseRequest' },
      { $ref: '#/components/schemas/SuggestionCaseRequest' },
      { $ref: '#/components/schemas/InquiryCaseRequest' },
      { $ref: '#/components/schemas/InstallationCaseRequest' },
    ]);
    expect(create.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'Idempotency-Key' }));
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '409', '415', '422', '503']));
    expect(paths['/v1/cases']?.get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['status', 'type', 'channel', 'customerId', 'breached', 'limit', 'cursor']),
    );
  });

  it('names each operation once, in camelCase, generated ones after their action or partner', async () => {
    const paths = (await api.get('/openapi.json')).body.paths as Record<string, Record<string, { operationId: string }>>;
    const ids = Object.values(paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));

    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]*$/.test(String(id)))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(paths['/v1/cases']?.post?.operationId).toBe('openCase');
    expect(paths['/v1/cases/{id}/actions/approve-quote']?.post?.operationId).toBe('caseActionApproveQuote');
    expect(paths['/v1/webhooks/carriers/{carrier}']?.post?.operationId).toBe('partnerStepCarrier');
  });

  it('names the server it is reached at, or PUBLIC_BASE_URL when set', async () => {
    const published = await api.variant({ config: { ...api.deps.config, PUBLIC_BASE_URL: 'https://returns.example.com' } });

    expect((await api.get('/openapi.json')).body.servers).toEqual([expect.objectContaining({ url: api.url })]);
    expect((await published.get('/openapi.json')).body.servers).toEqual([
      expect.objectContaining({ url: 'https://returns.example.com' }),
    ]);
  });

  it('publishes the statuses the case list filters by, and the facts a case record shows', async () => {
    const document = (await api.get('/openapi.json')).body;
    const status = document.paths['/v1/cases'].get.parameters.find((p: { name: string }) => p.name === 'status');
    const details = document.components.schemas.CaseDetails;

    expect(status.schema.enum).toEqual(CaseStatus.options);
    expect(Object.keys(details.properties)).toEqual(Object.keys(CaseDetails.shape));
    expect(details.properties.returnLabel.properties).toEqual({ carrier: expect.anything(), trackingNumber: expect.anything(), warehouseId: expect.anything() });
    const undescribed = Object.entries(details.properties as Record<string, { description?: string; $ref?: string }>)
      .filter(([, field]) => !field.description && !document.components.schemas[String(field.$ref).split('/').pop()!]?.description)
      .map(([name]) => name);
    expect(undescribed).toEqual([]);
  });
});
