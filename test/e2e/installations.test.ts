import { randomUUID } from 'node:crypto';
import { caseIdFor } from '../../api/schemas/caseId';
import type { Stack } from '../../scripts/stack';
import { eventually } from '../support/eventually';
import { addExpectedRecords } from '../support/records';
import { installationRequest } from '../support/requests';
import { ApiClient, startTestStack } from '../support/stackHarness';

let stack: Stack;
let api: ApiClient;
beforeAll(async () => {
  stack = await startTestStack('e2e-installations');
  api = new ApiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

/** Opens an installation of a fresh customer's delivered fridge, the installer told first what its technician will find. */
async function openInstallation(finds: 'installed' | 'defect' | 'manual', overrides: Record<string, unknown> = {}) {
  const body = installationRequest(overrides);
  const key = randomUUID();
  await api.sim('/sim/scripts', { caseId: caseIdFor(body.customer.id, key), installation: finds });
  const customer = api.as({ sub: body.customer.id, role: 'customer' });
  const created = await customer.createCase(body, key);
  return { body, customer, created };
}

describe('an installation, entirely over HTTP', () => {
  it('is booked with the installer, installed on its signed report, and surveyed', async () => {
    const { created } = await openInstallation('installed');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'installation', status: 'requested', details: { installerId: 'homefit', product: { sku: 'FRIDGE-9' } } });
    const caseId = created.body.id as string;
    const closed = await api.waitForClosed(caseId);
    expect(closed).toMatchObject({ outcome: 'installed', details: { jobId: expect.any(String), visit: expect.any(Object) } });
    const events = await api.get(`/v1/cases/${caseId}/timeline`);
    const completed = (events.body.events as { type: string; actor: { kind: string; id: string } }[]).find((e) => e.type === 'installation.completed');
    expect(completed?.actor).toEqual({ kind: 'installer', id: 'homefit' });
    await eventually(async () => {
      const templates = (await api.records(caseId)).notifications.map((n) => n.template);
      expect(templates).toEqual(expect.arrayContaining(['installation_booked', 'installation_completed', 'feedback_request']));
    });
  });

  it('finds a defect at unboxing that the customer turns into an exchange, linked both ways', async () => {
    const { body, customer, created } = await openInstallation('defect');
    const caseId = created.body.id as string;
    await customer.waitForStatus(caseId, 'defect_found');
    const found = await eventually(async () => {
      const { body: record } = await customer.get(`/v1/cases/${caseId}`);
      expect(record.details.defect).toEqual(expect.any(String));
      return record;
    });
    expect(found.deadlines).toEqual([expect.objectContaining({ name: 'remedy' })]);

    const exchange = {
      type: 'exchange',
      channel: 'app',
      customer: body.customer,
      orderId: body.orderId,
      items: [{ sku: 'FRIDGE-9', quantity: 1, condition: 'damaged', replacementSku: 'FRIDGE-9' }],
      reason: `defect found at unboxing: ${found.details.defect}`,
    };
    // The installation claims no order line, so the exchange of the fridge can claim it.
    const converted = await customer.convertCase(caseId, exchange);
    expect(converted.status).toBe(201);
    expect(converted.body).toMatchObject({ type: 'exchange', details: { convertedFrom: { caseId, type: 'installation' } } });
    const closed = await api.waitForClosed(caseId);
    expect(closed).toMatchObject({ outcome: 'defect_remedied', details: { convertedTo: { caseId: converted.body.id, type: 'exchange' } } });
  });

  it('refuses what cannot be installed, and a report from another installer, changing nothing', async () => {
    const kettle = installationRequest({ item: { sku: 'KETTLE-1' } });
    const customer = api.as({ sub: kettle.customer.id, role: 'customer' });
    const refused = await customer.createCase(kettle);
    expect(refused).toMatchObject({ status: 422, body: { errors: [expect.objectContaining({ path: 'item.sku', message: expect.stringContaining('large_appliance') })] } });
    expect((await customer.get('/v1/cases')).body.items).toEqual([]);

    const { created } = await openInstallation('manual');
    const caseId = created.body.id as string;
    await api.waitForStatus(caseId, 'visit_booked');
    const jobId = await eventually(async () => {
      const { body: record } = await api.get(`/v1/cases/${caseId}`);
      expect(record.details.jobId).toEqual(expect.any(String));
      return record.details.jobId as string;
    });
    const stranger = await api.sim('/sim/commands/installer-step', { caseId, type: 'installed', installerId: 'not-homefit', jobId });
    // Signed by a partner the case was not given to: 404, as if the case did not exist.
    expect(stranger).toMatchObject({ status: 404 });
    expect((await api.get(`/v1/cases/${caseId}`)).body.status).toBe('visit_booked');
  });
});

describe('an installation offered when the order system reports the delivery', () => {
  /** A fresh customer's delivered fridge and kettle, known to the systems of record; the order system then sends its notice. */
  async function delivered() {
    const body = installationRequest();
    await addExpectedRecords(stack.simulatorUrl!, body);
    const notice = await api.sim('/sim/commands/order-delivered', { orderId: body.orderId });
    return { body, notice, customer: api.as({ sub: body.customer.id, role: 'customer' }) };
  }

  it('offers the fridge (not the kettle), books the visit when the customer accepts, and offers nothing twice', async () => {
    const { body, notice, customer } = await delivered();
    expect(notice).toMatchObject({ status: 200, body: { orderId: body.orderId, offered: [{ sku: 'FRIDGE-9', caseId: expect.any(String) }] } });
    const caseId = notice.body.offered[0].caseId as string;
    await customer.waitForStatus(caseId, 'offered');
    await eventually(async () => expect((await api.records(caseId)).notifications.map((n) => n.template)).toContain('installation_offered'));
    const timeline = await api.get(`/v1/cases/${caseId}/timeline`);
    expect(timeline.body.events[0]).toMatchObject({ type: 'case.requested', actor: { kind: 'system', id: 'orders:sim-orders' } });

    expect((await customer.post(`/v1/cases/${caseId}/actions/accept`, {})).body.status).toBe('visit_booked');
    const again = await api.sim('/sim/commands/order-delivered', { orderId: body.orderId });
    expect(again.body.offered).toEqual([{ sku: 'FRIDGE-9', caseId, status: expect.any(String) }]);
    expect((await customer.get('/v1/cases')).body.items).toHaveLength(1);
  });

  it('takes a request for the same product as the offer’s acceptance, and closes a declined offer', async () => {
    const first = await delivered();
    const offeredId = first.notice.body.offered[0].caseId as string;
    await first.customer.waitForStatus(offeredId, 'offered');
    const asked = await first.customer.createCase(first.body);
    expect(asked).toMatchObject({ status: 200, body: { id: offeredId, joined: true, status: 'visit_booked' } });

    const second = await delivered();
    const declinedId = second.notice.body.offered[0].caseId as string;
    await second.customer.waitForStatus(declinedId, 'offered');
    expect((await second.customer.post(`/v1/cases/${declinedId}/actions/decline`, { reason: 'installing it myself' })).body.status).toBe('closed');
    expect(await api.waitForClosed(declinedId)).toMatchObject({ outcome: 'declined' });
  });

  it('refuses an unsigned notice and one about an order the order system does not have, opening nothing', async () => {
    const unsigned = await fetch(`${stack.apiUrl}/v1/webhooks/orders/sim-orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventId: 'e-1', type: 'delivered', orderId: 'ord-x', occurredAt: new Date().toISOString() }),
    });
    expect(unsigned.status).toBe(401);
    expect(await api.sim('/sim/commands/order-delivered', { orderId: 'ord-nobody-has' })).toMatchObject({ error: 'no_order' });
  });
});
