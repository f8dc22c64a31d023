import { randomUUID } from 'node:crypto';
import { returnRequest } from '../support/requests';
import { ApiHarness } from './support/apiHarness';

const SHOP = 'https://shop.example';
const TEMPORAL_UI = 'http://localhost:8233';
let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start('api-hardening', {
    RATE_LIMIT_INTAKE: '3',
    RATE_LIMIT_WEBHOOKS: '3',
    CORS_ORIGINS: SHOP,
    CODEC_CORS_ORIGINS: TEMPORAL_UI,
  });
});

afterAll(async () => {
  await api.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

function preflight(path: string, origin: string) {
  return fetch(`${api.url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });
}

describe('every answer', () => {
  it('carries the protective headers, problems included', async () => {
    for (const res of [await api.get('/healthz'), await api.get('/v2/nothing')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('browsers', () => {
  it('may call the API from the configured origins only', async () => {
    const allowed = await preflight('/v1/cases', SHOP);
    const other = await preflight('/v1/cases', 'https://evil.example');

    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('may call the codec from the Temporal UI only, and the UI nothing else', async () => {
    expect((await preflight('/codec/decode', TEMPORAL_UI)).headers.get('access-control-allow-origin')).toBe(TEMPORAL_UI);
    expect((await preflight('/codec/decode', SHOP)).headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight('/v1/cases', TEMPORAL_UI)).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limits', () => {
  it('hold each caller to its intake budget with 429 and Retry-After, without touching other callers', async () => {
    const request = returnRequest();
    const key = randomUUID();
    const caller = api.as({ sub: 'agent-busy', role: 'agent' });
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await caller.createCase(request, key));
    const other = await api.as({ sub: 'agent-calm', role: 'agent' }).createCase(returnRequest());

    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 429]);
    expect(answers[3]!.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answers[3]!.body.type).toBe(problemType('rate-limited'));
    expect(answers[3]!.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(other.status).toBe(201);
  });

  it('hold each partner to its webhook budget, counting forged attempts too', async () => {
    const flood = () => api.request('POST', '/v1/webhooks/carriers/flooder', { body: '{}', headers: { 'content-type': 'application/json' } });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await flood()).status);
    const elsewhere = await api.webhook('/v1/webhooks/carriers/calm', { eventId: 'e-1' });

    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(elsewhere.status).toBe(400);
  });
});
