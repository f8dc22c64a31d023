import { randomUUID } from 'node:crypto';
import { addExpectedRecords, daysAgo, expectCustomer } from '../support/records';
import { returnRequest } from '../support/requests';
import { ApiHarness } from './support/apiHarness';

let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start('api-cases');
});

afterAll(async () => {
  await api.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

describe('POST /v1/cases', () => {
  it('opens a case, starts its workflow and points at it', async () => {
    const res = await api.createCase(returnRequest());

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: 'return', channel: 'web', status: 'requested', priority: 'normal' });
    expect(res.headers.get('location')).toBe(`/v1/cases/${res.body.id}`);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(JSON.stringify(res.body)).not.toContain('@example.com');
    const read = await api.get(`/v1/cases/${res.body.id}`);
    expect(read.body.live).toMatchObject({ caseId: res.body.id, status: 'under_review' });
  });

  it('answers a repeated key with the same case, marked as replayed', async () => {
    const body = returnRequest();
    const key = randomUUID();
    const first = await api.createCase(body, key);
    const again = await api.createCase(body, key);

    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
  });

  it('opens exactly one case for ten concurrent requests with one key', async () => {
    const body = returnRequest();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.createCase(body, key)));

    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    const list = await api.get(`/v1/cases?customerId=${body.customer.id}`);
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses a reused key with a different body', async () => {
    const body = returnRequest();
    const key = randomUUID();
    await api.createCase(body, key);
    const res = await api.createCase({ ...body, reason: 'something else' }, key);

    expect(res.status).toBe(422);
    expect(res.body.type).toBe(problemType('idempotency-key-reuse'));
  });

  it('refuses a second open case on the same order line from another channel, naming the first', async () => {
    const body = returnRequest();
    const first = await api.createCase(body);
    const res = await api.createCase({ ...body, channel: 'store' });

    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: problemType('line-conflict'), caseId: first.body.id, sku: 'CAP-1' });
  });

  it('requires an Idempotency-Key', async () => {
    const res = await api.post('/v1/cases', returnRequest());

    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ in: 'header', path: 'Idempotency-Key' }));
    expect(res.body.detail).toContain('Idempotency-Key');
  });

  it.each([
    ['a missing field', (b: ReturnType<typeof returnRequest>) => ({ ...b, reason: undefined }), 'reason'],
    ['an unknown channel', (b: ReturnType<typeof returnRequest>) => ({ ...b, channel: 'fax' }), 'channel'],
    // What widens a customer's rights is the systems of record's to say, never the caller's.
    ['a tier claimed in the body', (b: ReturnType<typeof returnRequest>) => ({ ...b, customer: { ...b.customer, tier: 'vip' } }), 'customer.tier'],
    [
      'the order sent in the body',
      (b: ReturnType<typeof returnRequest>) => ({ ...b, order: { id: b.orderId, deliveredAt: new Date().toISOString() } }),
      'order',
    ],
    [
      'a price on an item',
      (b: ReturnType<typeof returnRequest>) => ({ ...b, items: [{ sku: 'CAP-1', quantity: 1, condition: 'opened', unitPrice: 99_999 }] }),
      'items.0.unitPrice',
    ],
    [
      'a replacement on a return',
      (b: ReturnType<typeof returnRequest>) => ({
        ...b,
        items: [{ sku: 'CAP-1', quantity: 1, condition: 'opened', replacementSku: 'CAP-2' }],
      }),
      'items.0.replacementSku',
    ],
  ])('answers 400 naming the field for %s', async (_name, change, path) => {
    const res = await api.createCase(change(returnRequest()));

    expect(res.status).toBe(400);
    expect(res.body.type).toBe(problemType('validation'));
    expect(res.body.errors).toContainEqual(expect.objectContaining({ in: 'body', path }));
  });

  it.each([
    [
      'an item that is not a line of the order',
      (b: ReturnType<typeof returnRequest>) => ({ ...b, items: [{ sku: 'NOPE', quantity: 1, condition: 'opened' }] }),
      'items.0.sku',
    ],
    [
      'more items than were bought',
      (b: ReturnType<typeof returnRequest>) => ({ ...b, items: [{ sku: 'CAP-1', quantity: 3, condition: 'opened' }] }),
      'items.0.quantity',
    ],
  ])('answers 422 naming the field for %s, and opens nothing', async (_name, change, path) => {
    const body = change(returnRequest());
    const res = await api.createCase(body);

    expect(res.status).toBe(422);
    expect(res.body.type).toBe(problemType('not-on-order'));
    expect(res.body.errors).toContainEqual(expect.objectContaining({ in: 'body', path }));
    expect((await api.get(`/v1/cases?customerId=${body.customer.id}`)).body.items).toEqual([]);
  });

  it('counts what earlier returns took back: no more than is left on the line', async () => {
    const customerId = `cust-${randomUUID().slice(0, 8)}`;
    const orderId = `ord-${randomUUID().slice(0, 8)}`;
    expectCustomer(customerId, {
      profile: {},
      orders: [
        {
          id: orderId,
          channel: 'web',
          purchasedAt: daysAgo(4),
          deliveredAt: daysAgo(3),
          lines: [{ sku: 'CAP-1', quantity: 2, unitPrice: 1_500, category: 'apparel', returned: 1 }],
        },
      ],
    });
    const request = (quantity: number) =>
      returnRequest({ customer: { id: customerId }, orderId, items: [{ sku: 'CAP-1', quantity, condition: 'unopened' }] });

    const both = await api.createCase(request(2));
    const theOne = await api.createCase(request(1));

    expect(both.status).toBe(422);
    expect(both.body.errors).toEqual([
      expect.objectContaining({ path: 'items.0.quantity', message: 'at most 1 can be returned (2 bought, 1 already returned)' }),
    ]);
    expect(theOne.status).toBe(201);
  });

  it('answers 404 alike for an unknown order, another customer’s order and an unknown customer', async () => {
    const mine = returnRequest();
    const theirs = returnRequest();
    await api.openCase(theirs);

    const unknown = await api.createCase({ ...mine, orderId: 'ord-nobody-has' });
    const foreign = await api.createCase({ ...mine, orderId: theirs.orderId });
    const stranger = await api.createCase({ ...returnRequest(), customer: { id: 'cust-nobody-knows' } });

    expect(unknown).toMatchObject({ status: 404, body: { type: problemType('order-not-found') } });
    expect(foreign).toMatchObject({ status: 404, body: { type: problemType('order-not-found'), detail: unknown.body.detail.replace('ord-nobody-has', theirs.orderId!) } });
    expect(stranger).toMatchObject({ status: 404, body: { type: problemType('customer-not-found') } });
  });

  it('answers 503 with Retry-After, writing nothing, while the order system is down, and opens the case once it is back', async () => {
    const body = returnRequest();
    const key = randomUUID();
    await addExpectedRecords(api.simulatorUrl, body);
    // Down for the first try and the retry.
    await fetch(`${api.simulatorUrl}/sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ operation: 'orders.get', failTimes: 2, status: 503 }),
    });

    const down = await api.createCase(body, key);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect((await api.get(`/v1/cases?customerId=${body.customer.id}`)).body.items).toEqual([]);

    expect((await api.createCase(body, key)).status).toBe(201);
  });

  it('answers 400 for malformed JSON, 415 for another content type and 413 for a huge body', async () => {
    const headers = { 'idempotency-key': randomUUID() };
    const malformed = await api.request('POST', '/v1/cases', {
      body: '{"type": "return",',
      headers: { ...headers, 'content-type': 'application/json' },
    });
    const text = await api.request('POST', '/v1/cases', {
      body: 'type=return',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    });
    const huge = await api.createCase(returnRequest({ reason: 'x'.repeat(200_000) }));

    expect([malformed.status, text.status, huge.status]).toEqual([400, 415, 413]);
    expect(malformed.body.type).toBe(problemType('malformed-json'));
    expect(text.body.type).toBe(problemType('unsupported-media-type'));
    expect(huge.body.type).toBe(problemType('payload-too-large'));
  });
});

describe('GET /v1/cases/:id and its timeline', () => {
  it('answers 404 problem+json for an unknown case and 400 for a malformed id', async () => {
    const unknown = await api.get('/v1/cases/case_00000000000000000000000000');
    const malformed = await api.get('/v1/cases/not-a-case');

    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toMatchObject({ type: problemType('case-not-found'), status: 404 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toContainEqual(expect.objectContaining({ in: 'path', path: 'id' }));
    expect((await api.get('/v1/cases/%E0%A4%A')).status).toBe(400);
  });

  it('returns the timeline starting with the request, naming who asked', async () => {
    const request = returnRequest();
    const customer = api.as({ sub: request.customer.id, role: 'customer' });
    const caseId = await customer.openCase(request);
    const res = await customer.get(`/v1/cases/${caseId}/timeline`);

    expect(res.status).toBe(200);
    expect(res.body.caseId).toBe(caseId);
    expect(res.body.events[0]).toMatchObject({
      seq: 1,
      type: 'case.requested',
      actor: { kind: 'customer', id: request.customer.id },
      data: { role: 'customer', requestId: expect.any(String) },
    });
    expect((await api.get('/v1/cases/case_00000000000000000000000000/timeline')).status).toBe(404);
  });
});

describe('GET /v1/cases', () => {
  it('filters and pages with a cursor', async () => {
    const customer = `cust-list-${randomUUID().slice(0, 8)}`;
    const requests = ['web', 'app', 'web'].map((channel) => returnRequest({ channel, customer: { id: customer } }));
    for (const body of requests) await api.openCase(body);

    const web = await api.get(`/v1/cases?customerId=${customer}&channel=web`);
    expect(web.body.items.map((c: { channel: string }) => c.channel)).toEqual(['web', 'web']);

    const first = await api.get(`/v1/cases?customerId=${customer}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await api.get(`/v1/cases?customerId=${customer}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ nextCursor: null });
    expect(second.body.items).toHaveLength(1);
    const ids = [...first.body.items, ...second.body.items].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('answers 400 with the field for a bad filter or cursor', async () => {
    const bad = await api.get('/v1/cases?limit=0&channel=fax&breached=maybe');
    const cursor = await api.get('/v1/cases?cursor=garbage');

    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['breached', 'channel', 'limit']);
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors).toEqual([expect.objectContaining({ in: 'query', path: 'cursor' })]);
  });

  it('filters by any status of a registered process, and answers 400 naming the field for another', async () => {
    const body = returnRequest();
    const caseId = await api.openCase(body);
    const ofCustomer = (status: string) => api.get(`/v1/cases?customerId=${body.customer.id}&status=${status}`);

    const requested = await ofCustomer('requested');
    const proposed = await ofCustomer('solution_proposed');
    const unknown = await ofCustomer('lost_in_the_post');

    expect(requested.body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect(proposed).toMatchObject({ status: 200, body: { items: [] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ in: 'query', path: 'status' })]);
  });
});
