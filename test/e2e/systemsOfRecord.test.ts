import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { caseIdFor } from '../../api/schemas/caseId';
import { upsertAgent } from '../../db/agents';
import { defaultAgents } from '../../db/seedAgents';
import type { Stack } from '../../scripts/stack';
import { eventually } from '../support/eventually';
import { daysAgo, type SeedLine } from '../support/records';
import { complaintRequest, returnRequest } from '../support/requests';
import { ApiClient, startTestStack } from '../support/stackHarness';

/**
 * Intake believes the order and customer systems, not the request (docs/processes/returns.md,
 * docs/integrations.md): every call here crosses HTTP to the API, and the API to the simulator's
 * order and customer systems.
 */

let stack: Stack;
let api: ApiClient;
let pool: Pool;
beforeAll(async () => {
  stack = await startTestStack('e2e-records');
  api = new ApiClient(stack);
  pool = new Pool({ connectionString: stack.databaseUrl, max: 2 });
});
afterAll(async () => {
  await pool?.end();
  await stack?.stop();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;

/** An order of the customer in the order system, as a sale put it there; its id. */
async function addOrder(customerId: string, lines: SeedLine[], deliveredDaysAgo = 3): Promise<string> {
  const id = `ord-${randomUUID().slice(0, 8)}`;
  const res = await fetch(`${stack.simulatorUrl}/sim/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id, customerId, purchasedAt: daysAgo(deliveredDaysAgo + 1), deliveredAt: daysAgo(deliveredDaysAgo), lines }),
  });
  expect(res.status).toBe(201);
  return id;
}

/** A return body for a fresh customer of the segment, about an order of theirs added here. */
async function returnOf(segment: 'standard' | 'loyal', lines: SeedLine[], items: unknown[], deliveredDaysAgo = 3) {
  const body = returnRequest({ orderId: 'pending', items }, { segment });
  return { ...body, orderId: await addOrder(body.customer.id, lines, deliveredDaysAgo) };
}

/** No case exists for the request: the id the key would have given answers 404. */
async function expectNoCase(customerId: string, key: string) {
  expect((await api.get(`/v1/cases/${caseIdFor(customerId, key)}`)).status).toBe(404);
}

describe('a return, priced and windowed from the systems of record', () => {
  const lines: SeedLine[] = [{ sku: 'SCARF-1', quantity: 2, unitPrice: 1_234, category: 'apparel' }];
  const items = [{ sku: 'SCARF-1', quantity: 2, condition: 'unopened' }];

  it("refunds what the order system says was paid, inside a loyal customer's longer window", async () => {
    // Delivered ten days ago: past the standard 7-day window, inside the loyal 14-day one.
    const created = await api.createCase(await returnOf('loyal', lines, items, 10));
    expect(created.status).toBe(201);
    expect(created.body.customerSegment).toBe('loyal');

    const closed = await api.waitForClosed(created.body.id);
    expect(closed.outcome).toBe('refunded');
    expect((await api.records(created.body.id)).refunds).toEqual([expect.objectContaining({ amount: 2_468, currency: 'EUR' })]);
  });

  it('finds the same return ineligible for a standard customer, whose window is a week', async () => {
    const created = await api.createCase(await returnOf('standard', lines, items, 10));
    expect(created.body.customerSegment).toBe('standard');

    expect((await api.waitForClosed(created.body.id)).outcome).toBe('not_eligible');
    expect((await api.records(created.body.id)).refunds).toEqual([]);
  });
});

describe('intake refuses what the caller may not decide or does not own, and writes nothing', () => {
  it('answers 400 naming a tier claimed in the body, and an order carried in it', async () => {
    const body = returnRequest();
    const key = randomUUID();
    const claimed = await api.createCase({ ...body, customer: { ...body.customer, tier: 'vip' } }, key);
    const carried = await api.createCase({ ...body, order: { id: body.orderId, deliveredAt: daysAgo(0) } }, key);

    expect(claimed.status).toBe(400);
    expect(claimed.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'customer.tier' })]);
    expect(carried.status).toBe(400);
    expect(carried.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'order' })]);
    await expectNoCase(body.customer.id, key);
  });

  it("answers another customer's order exactly as an order that does not exist: 404", async () => {
    const owner = returnRequest();
    await api.createCase(owner);
    const other = returnRequest();
    const key = randomUUID();

    const foreign = await api.createCase({ ...other, orderId: owner.orderId }, key);
    const unknown = await api.createCase({ ...other, orderId: 'ord-does-not-exist' });

    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    const shape = (b: Record<string, unknown>) => ({ type: b.type, title: b.title, status: b.status });
    expect(shape(foreign.body)).toEqual({ type: problemType('order-not-found'), title: unknown.body.title, status: 404 });
    expect(shape(unknown.body)).toEqual(shape(foreign.body));
    await expectNoCase(other.customer.id, key);
  });

  it('answers 422 with field paths for more than was bought less what is already returned, and for a sku not on the order', async () => {
    const bought: SeedLine[] = [{ sku: 'TSHIRT-M', quantity: 3, unitPrice: 1_900, category: 'apparel', returned: 2 }];
    const body = await returnOf('standard', bought, [
      { sku: 'TSHIRT-M', quantity: 2, condition: 'unopened' },
      { sku: 'BOOT-40', quantity: 1, condition: 'unopened' },
    ]);
    const key = randomUUID();

    const res = await api.createCase(body, key);

    expect(res.status).toBe(422);
    expect(res.body.type).toBe(problemType('not-on-order'));
    expect(res.body.errors).toEqual([
      expect.objectContaining({ in: 'body', path: 'items.0.quantity' }),
      expect.objectContaining({ in: 'body', path: 'items.1.sku' }),
    ]);
    await expectNoCase(body.customer.id, key);
  });

  it('answers 503 with Retry-After while the order system is down, writes nothing, and opens the case once it is back', async () => {
    const body = returnRequest();
    const key = randomUUID();
    // The first request adds the customer's records; the order system fails the lookup and its retry.
    await api.sim('/sim/faults', { operation: 'orders.get', failTimes: 2, status: 503 });

    const down = await api.createCase(body, key);

    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(down.body.type).toBe(problemType('unavailable'));
    await expectNoCase(body.customer.id, key);
    expect((await api.records(caseIdFor(body.customer.id, key))).labels).toEqual([]);

    const back = await api.createCase(body, key);
    expect(back.status).toBe(201);
    expect(back.body.id).toBe(caseIdFor(body.customer.id, key));
  });
});

describe("a high-value customer's complaint", () => {
  /** The complaint once routed: its assignee and what the routing event says. */
  async function routed(caseId: string) {
    return eventually(async () => {
      const res = await api.get(`/v1/cases/${caseId}/timeline`);
      const event = (res.body.events as { type: string; data: Record<string, unknown> }[]).find((e) => e.type === 'complaint.routed');
      expect(event).toBeDefined();
      return event!.data;
    });
  }

  it('goes to their dedicated advisor first, whatever skill it needs', async () => {
    // Late deliveries need logistics, which Chen does not have.
    const advisor = defaultAgents.find((a) => !a.skills.includes('logistics'))!.id;
    const created = await api.createCase(complaintRequest({}, { segment: 'high_value', advisorId: advisor }));
    expect(created.body.customerSegment).toBe('high_value');

    expect(await routed(created.body.id)).toMatchObject({ assignee: advisor, advisor, skill: 'logistics' });
    expect((await api.get(`/v1/cases/${created.body.id}`)).body.assignee).toBe(advisor);
  });

  it('goes to a skilled agent when the advisor has no room, and the advisor is told who has it', async () => {
    const advisor = `advisor-${randomUUID().slice(0, 8)}`;
    await upsertAgent(pool, { id: advisor, name: 'Busy Advisor', skills: ['general'], capacity: 0 });
    const created = await api.createCase(complaintRequest({}, { segment: 'high_value', advisorId: advisor }));
    const caseId = created.body.id as string;

    const { assignee } = await routed(caseId);
    expect(defaultAgents.filter((a) => a.skills.includes('logistics')).map((a) => a.id)).toContain(assignee);
    await eventually(async () =>
      expect((await api.records(caseId)).partyMessages).toContainEqual(
        expect.objectContaining({ recipientId: advisor, template: 'advisor_customer_complaint', data: expect.objectContaining({ assignee }) }),
      ),
    );
  });

  it('of a standard customer ignores an advisor the customer system names', async () => {
    const advisor = defaultAgents.find((a) => !a.skills.includes('logistics'))!.id;
    const created = await api.createCase(complaintRequest({}, { segment: 'standard', advisorId: advisor }));

    const data = await routed(created.body.id);
    expect(data.assignee).not.toBe(advisor);
    expect(data).not.toHaveProperty('advisor');
  });
});

describe('one case per matter', () => {
  it('joins a complaint about the same order from a second channel to the open case, once per request', async () => {
    const first = complaintRequest({ orderId: 'pending', channel: 'web' });
    const orderId = await addOrder(first.customer.id, [{ sku: 'COAT-L', quantity: 1, unitPrice: 22_900, category: 'apparel' }]);
    const opened = await api.createCase({ ...first, orderId });
    expect(opened.status).toBe(201);
    await api.waitForStatus(opened.body.id, 'routed');

    // A store agent whose queues hold returns only still adds the customer's words to the complaint.
    const counter = api.as({ sub: 'agent-store', role: 'agent', queues: ['returns'] });
    const second = { ...first, orderId, channel: 'store', subject: 'Still no coat', description: 'Nobody answered the web form.' };
    const key = randomUUID();
    const joined = await counter.createCase(second, key);
    const retried = await counter.createCase(second, key);
    const otherBody = await counter.createCase({ ...second, description: 'Something else entirely.' }, key);

    expect(joined.status).toBe(200);
    expect(joined.headers.get('location')).toBe(`/v1/cases/${opened.body.id}`);
    expect(joined.body).toEqual({ id: opened.body.id, status: 'routed', joined: true });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toMatchObject({ id: opened.body.id, joined: true });
    expect(otherBody.status).toBe(422);
    expect(otherBody.body.type).toBe(problemType('idempotency-key-reuse'));

    const timeline = (await api.get(`/v1/cases/${opened.body.id}/timeline`)).body.events as { type: string; data: Record<string, unknown> }[];
    const messages = timeline.filter((e) => e.type === 'message.added');
    expect(messages).toHaveLength(1);
    expect(JSON.stringify(messages[0]!.data)).toContain('Still no coat');
    expect((await api.get(`/v1/cases?customerId=${first.customer.id}`)).body.items).toHaveLength(1);
  });

  it('opens a new case for a complaint about another order of the same customer', async () => {
    const first = complaintRequest({ orderId: 'pending' });
    const [a, b] = [
      await addOrder(first.customer.id, [{ sku: 'DRESS-38', quantity: 1, unitPrice: 6_900, category: 'apparel' }]),
      await addOrder(first.customer.id, [{ sku: 'JEANS-32', quantity: 1, unitPrice: 7_900, category: 'apparel' }]),
    ];
    const one = await api.createCase({ ...first, orderId: a });
    const two = await api.createCase({ ...first, orderId: b });

    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body.id).not.toBe(one.body.id);
  });
});
