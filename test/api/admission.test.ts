import { randomUUID } from 'node:crypto';
import { ApiHarness } from './support/apiHarness';
import { inquiryRequest } from '../support/requests';

let api: ApiHarness;
beforeAll(async () => {
  // One intake at a time, so a burst of them is shed; budgets high enough that only load sheds.
  api = await ApiHarness.start('api-admission', { INTAKE_MAX_IN_FLIGHT: '1', RATE_LIMIT_INTAKE: '1000' });
});
afterAll(async () => {
  await api.close();
});

describe('a burst beyond what intake works on at once', () => {
  it('is shed with 429 overloaded and Retry-After, opens nothing for those, and takes their retries with the same key', async () => {
    const requests = Array.from({ length: 20 }, () => ({ body: inquiryRequest(), key: randomUUID() }));
    const staff = api.as({ sub: 'agent-phone-desk', role: 'agent' });
    const answers = await Promise.all(requests.map(({ body, key }) => staff.createCase(body, key)));

    const shed = answers.filter((a) => a.status === 429);
    expect(shed.length).toBeGreaterThan(0);
    expect(answers.every((a) => a.status === 201 || a.status === 429)).toBe(true);
    for (const answer of shed) {
      expect(answer.body.type).toBe('https://after-sales.example/problems/overloaded');
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.headers.get('retry-after')).toBe('1');
    }
    const { rows } = await api.deps.pool.query<{ n: string }>('SELECT count(*) AS n FROM cases WHERE customer_id = ANY($1)', [
      requests.map((r) => r.body.customer.id),
    ]);
    expect(Number(rows[0]!.n)).toBe(answers.length - shed.length);

    // One at a time, as a client honouring Retry-After would come back: every one is taken.
    for (const [i, answer] of answers.entries()) {
      if (answer.status !== 429) continue;
      const retried = await staff.createCase(requests[i]!.body, requests[i]!.key);
      expect(retried.status).toBe(201);
    }
    const after = await api.deps.pool.query<{ n: string }>('SELECT count(*) AS n FROM cases WHERE customer_id = ANY($1)', [
      requests.map((r) => r.body.customer.id),
    ]);
    expect(Number(after.rows[0]!.n)).toBe(20);
  });
});
