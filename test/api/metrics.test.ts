import { randomUUID } from 'node:crypto';
import { type RunningApi, startApi } from '../../api/app';
import { caseIdFor } from '../../api/schemas/caseId';
import type { Config } from '../../config/env';
import { scrape, total } from '../support/metricsText';
import { returnRequest } from '../support/requests';
import { type ApiClient, ApiHarness, type HttpAnswer } from './support/apiHarness';

const TOKEN = `metrics-${randomUUID()}`;
let api: ApiHarness;
let metricsUrl: string;

beforeAll(async () => {
  api = await ApiHarness.start('api-metrics', { METRICS_TOKEN: TOKEN });
  metricsUrl = `${api.url}/metrics`;
});

afterAll(async () => {
  await api?.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

/** The scrape's text; the test fails unless it was a 200. */
async function metricsText(url = metricsUrl, token: string | undefined = TOKEN): Promise<string> {
  const res = await scrape(url, token);
  expect(res.status).toBe(200);
  return res.text;
}

/** The API on the same dependencies under another metrics configuration. */
function apiWith(settings: Partial<Config>): Promise<RunningApi> {
  return startApi({ ...api.deps, config: { ...api.deps.config, ...settings }, host: '127.0.0.1', port: 0 });
}

describe('GET /metrics on the API port, with METRICS_TOKEN set', () => {
  const calls: [string, (client: ApiClient) => Promise<HttpAnswer>][] = [
    ['no token', (client) => client.as(null).get('/metrics')],
    ['an API bearer token', (client) => client.get('/metrics')],
    ['a wrong token', (client) => client.as(null).request('GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } })],
  ];
  it.each(calls)('refuses %s with a 401 problem', async (_name, call) => {
    const res = await call(api);

    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(res.body.type).toBe(problemType('unauthorized'));
  });

  it('serves the Prometheus text format to the token', async () => {
    const res = await scrape(metricsUrl, TOKEN);

    expect(res.status).toBe(200);
    expect(res.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.text).toMatch(/^# TYPE http_requests_total counter$/m);
    expect(res.text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
    expect(res.text).toMatch(/^process_resident_memory_bytes \d+/m);
  });
});

describe('request metrics', () => {
  it('count and time each request under its route template, never a case id', async () => {
    const caseId = await api.openCase(returnRequest());
    const missing = caseIdFor('nobody', randomUUID());
    const byTemplate = { route: '/v1/cases/:id', method: 'GET' };
    const before = await metricsText();

    expect((await api.get(`/v1/cases/${caseId}`)).status).toBe(200);
    expect((await api.get(`/v1/cases/${caseId}`)).status).toBe(200);
    expect((await api.get(`/v1/cases/${missing}`)).status).toBe(404);
    const after = await metricsText();

    const delta = (name: string, labels: Record<string, string>) => total(after, name, labels) - total(before, name, labels);
    expect(delta('http_requests_total', { ...byTemplate, status_class: '2xx' })).toBe(2);
    expect(delta('http_requests_total', { ...byTemplate, status_class: '4xx' })).toBe(1);
    expect(delta('http_request_duration_seconds_count', { ...byTemplate, status_class: '2xx' })).toBe(2);
    expect(total(after, 'http_request_duration_seconds_sum', { ...byTemplate, status_class: '2xx' })).toBeGreaterThan(0);
    expect(after).not.toContain(caseId);
    expect(after).not.toContain(missing);
  });

  it('count every path no route matches under one label value', async () => {
    const probe = `/no-such-${randomUUID()}`;
    const before = await metricsText();

    expect((await api.get(probe)).status).toBe(404);
    expect((await api.post(`${probe}/deeper`, {})).status).toBe(404);
    const after = await metricsText();

    const unmatched = (text: string) => total(text, 'http_requests_total', { route: 'unmatched', status_class: '4xx' });
    expect(unmatched(after) - unmatched(before)).toBe(2);
    expect(after).not.toContain(probe);
  });
});

describe('cases opened', () => {
  it('count a new case once, by type and channel, and not its replay', async () => {
    const opened = (text: string) => total(text, 'after_sales_cases_opened_total', { type: 'return', channel: 'marketplace' });
    const key = randomUUID();
    const body = returnRequest({ channel: 'marketplace' });
    const before = await metricsText();

    const first = await api.createCase(body, key);
    const replay = await api.createCase(body, key);

    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(opened(await metricsText()) - opened(before)).toBe(1);
  });

  it('do not count a refused request', async () => {
    const before = total(await metricsText(), 'after_sales_cases_opened_total');

    const refused = await api.post('/v1/cases', { ...returnRequest(), items: [] }, { 'idempotency-key': randomUUID() });

    expect(refused.status).toBe(400);
    expect(total(await metricsText(), 'after_sales_cases_opened_total')).toBe(before);
  });
});

describe('webhook rejections', () => {
  const event = (caseId: string) => ({
    eventId: randomUUID(),
    type: 'picked_up',
    caseId,
    trackingNumber: `track-${caseId}`,
    occurredAt: new Date().toISOString(),
  });

  it('are counted by problem type, wherever the webhook was refused', async () => {
    const caseId = await api.openCase(returnRequest());
    const rejected = (text: string, reason: string) => total(text, 'after_sales_webhook_rejections_total', { reason });
    const before = await metricsText();

    expect((await api.webhook('/v1/webhooks/carriers/dhl', event(caseId), { secret: 'not-the-partner-secret' })).status).toBe(401);
    expect((await api.webhook('/v1/webhooks/carriers/dhl', event(caseIdFor('nobody', randomUUID())))).status).toBe(404);
    expect((await api.webhook('/v1/webhooks/carriers/dhl', { ...event(caseId), occurredAt: 'yesterday' })).status).toBe(400);
    // The case has not issued a label yet: the carrier is told to come back.
    expect((await api.webhook('/v1/webhooks/carriers/dhl', event(caseId))).status).toBe(503);
    const after = await metricsText();

    expect(rejected(after, 'invalid-signature') - rejected(before, 'invalid-signature')).toBe(1);
    expect(rejected(after, 'case-not-found') - rejected(before, 'case-not-found')).toBe(1);
    expect(rejected(after, 'validation') - rejected(before, 'validation')).toBe(1);
    expect(rejected(after, 'step-early') - rejected(before, 'step-early')).toBe(1);
  });

  it('leave out refusals of other routes', async () => {
    const before = total(await metricsText(), 'after_sales_webhook_rejections_total');

    expect((await api.as(null).get('/v1/cases')).status).toBe(401);

    expect(total(await metricsText(), 'after_sales_webhook_rejections_total')).toBe(before);
  });
});

describe('where /metrics is served', () => {
  it('on METRICS_PORT, and then not on the API port', async () => {
    const separate = await apiWith({ METRICS_PORT: 0 });
    try {
      expect(separate.metricsUrl).not.toBe(`${separate.url}/metrics`);
      expect((await fetch(`${separate.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
      expect(await metricsText(separate.metricsUrl!)).toMatch(/^# TYPE after_sales_cases_opened_total counter$/m);
      expect((await scrape(separate.metricsUrl!)).status).toBe(401);
      const elsewhere = await fetch(separate.metricsUrl!.replace(/\/metrics$/, '/v1/cases'));
      expect(elsewhere.status).toBe(404);
      expect(elsewhere.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    } finally {
      await separate.close();
    }
  });

  it('on METRICS_PORT without a token when none is set', async () => {
    const open = await apiWith({ METRICS_PORT: 0, METRICS_TOKEN: undefined });
    try {
      expect((await scrape(open.metricsUrl!)).status).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('nowhere when neither a token nor a port is configured', async () => {
    const plain = await apiWith({ METRICS_TOKEN: undefined });
    try {
      expect(plain.metricsUrl).toBeNull();
      expect((await scrape(`${plain.url}/metrics`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
