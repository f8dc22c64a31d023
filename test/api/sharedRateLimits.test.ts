import { randomUUID } from 'node:crypto';
import type { Principal } from '../../api/auth/tokens';
import { createPool } from '../../db/pool';
import { returnRequest } from '../support/requests';
import { type ApiClient, ApiHarness } from './support/apiHarness';

/**
 * Two API instances of one service on one database, as a deployment behind a load balancer runs
 * them: a client's budget is counted once across both, so the client gets the limit, not twice it.
 */
const LIMIT = 4;
let first: ApiHarness;
let second: ApiClient;

beforeAll(async () => {
  first = await ApiHarness.start('api-shared-limits', { RATE_LIMIT_INTAKE: String(LIMIT), RATE_LIMIT_WEBHOOKS: String(LIMIT) });
  second = await first.variant({});
});

afterAll(async () => {
  await first?.close();
});

const instances = () => [first as ApiClient, second];

it('gives a caller the intake budget once across instances: the request after the limit is 429 with Retry-After, at either', async () => {
  const caller: Principal = { sub: `agent-${randomUUID().slice(0, 8)}`, role: 'agent' };
  const [a, b] = instances().map((api) => api.as(caller));
  const request = returnRequest();
  const key = randomUUID();
  const statuses = [];
  // Alternating, as a load balancer would spread them.
  for (let i = 0; i < LIMIT; i += 1) statuses.push((await (i % 2 === 0 ? a! : b!).createCase(request, key)).status);
  const overB = await b!.createCase(request, key);
  const overA = await a!.createCase(request, key);

  expect(statuses).toEqual(Array(LIMIT).fill(201));
  for (const over of [overB, overA]) {
    expect(over.status).toBe(429);
    expect(over.body.type).toBe('https://after-sales.example/problems/rate-limited');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  }
  // Another caller's budget is untouched by the first's.
  expect((await b!.as({ sub: `agent-${randomUUID().slice(0, 8)}`, role: 'agent' }).createCase(returnRequest())).status).toBe(201);
});

it('counts a partner’s webhooks once across instances', async () => {
  const path = `/v1/webhooks/carriers/flood-${randomUUID().slice(0, 8)}`;
  const statuses = [];
  for (let i = 0; i <= LIMIT; i += 1) {
    const api = instances()[i % 2]!;
    statuses.push((await api.request('POST', path, { body: '{}', headers: { 'content-type': 'application/json' } })).status);
  }

  expect(statuses).toEqual([...Array(LIMIT).fill(401), 429]);
});

it('lets webhooks through uncounted while the counts cannot be read, rather than failing them', async () => {
  // Nothing listens on port 1: every count fails at once, as with PostgreSQL down.
  const unreachable = createPool('postgres://nobody@127.0.0.1:1/nothing', 1);
  try {
    const blind = await first.variant({ pool: unreachable });
    const path = `/v1/webhooks/carriers/blind-${randomUUID().slice(0, 8)}`;
    const answer = await blind.request('POST', path, { body: '{}', headers: { 'content-type': 'application/json' } });

    // The signature check answers, as it needs no database.
    expect(answer.status).toBe(401);
  } finally {
    await unreachable.end();
  }
});
