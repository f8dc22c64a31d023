import type { Stack } from '../../scripts/stack';
import { returnRequest } from '../support/requests';
import { ApiClient, startTestStack } from '../support/stackHarness';

let stack: Stack;
let api: ApiClient;
beforeAll(async () => {
  stack = await startTestStack('e2e-returns');
  api = new ApiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

describe('a return, entirely over HTTP', () => {
  it('goes from request to refund with the simulator playing carrier and warehouse', async () => {
    const created = await api.createCase(returnRequest({ channel: 'mini_program' }));
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;

    const closed = await api.waitForClosed(caseId);
    expect(closed.outcome).toBe('refunded');
    expect(await api.timelineTypes(caseId)).toEqual(
      expect.arrayContaining(['case.requested', 'label.issued', 'parcel.picked_up', 'parcel.delivered', 'refund.issued', 'case.closed']),
    );
    const records = await api.records(caseId);
    expect(records.refunds).toEqual([expect.objectContaining({ amount: 3_000 })]);
    expect(records.stockMovements.filter((m) => m.sku === 'CAP-1')).not.toHaveLength(0);
    expect(records.webhooks.every((w) => w.status === 200)).toBe(true);
  });

  it('exchanges an item: a replacement is reserved and shipped, nothing is refunded', async () => {
    const created = await api.createCase(
      returnRequest({
        type: 'exchange',
        channel: 'store',
        items: [{ sku: 'JACKET-M', quantity: 1, condition: 'unopened', replacementSku: 'JACKET-L' }],
      }),
    );
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;

    const closed = await api.waitForClosed(caseId);
    expect(closed.outcome).toBe('exchanged');
    const records = await api.records(caseId);
    expect(records.reservations.map((r) => r.sku)).toEqual(['JACKET-L']);
    expect(records.shipments.map((s) => s.sku)).toEqual(['JACKET-L']);
    expect(records.stockMovements.map((m) => m.sku)).toEqual(expect.arrayContaining(['JACKET-M', 'JACKET-L']));
    expect(records.refunds.filter((r) => r.amount === 12_000)).toHaveLength(0);
  });

  it('waits for an agent, who approves through the actions endpoint, and records who did what', async () => {
    const created = await api.createCase(returnRequest({ items: [{ sku: 'JACKET-M', quantity: 1, condition: 'opened' }] }));
    const caseId = created.body.id as string;
    const pending = await api.waitForStatus(caseId, 'under_review');
    expect(pending.live.allowedActions).toEqual(expect.arrayContaining(['approve', 'reject']));

    const agent = api.as({ sub: 'agent-7', role: 'agent' });
    const approved = await agent.post(`/v1/cases/${caseId}/actions/approve`, {}, { 'x-request-id': `approve-${caseId}` });
    expect(approved.status).toBe(200);
    const closed = await api.waitForClosed(caseId);
    expect(closed.outcome).toBe('refunded');

    const events = (await api.get(`/v1/cases/${caseId}/timeline`)).body.events as Record<string, any>[];
    expect(events.find((e) => e.type === 'case.approved')).toMatchObject({
      actor: { kind: 'agent', id: 'agent-7' },
      data: { role: 'agent', requestId: `approve-${caseId}` },
    });
    expect(events.find((e) => e.type === 'parcel.picked_up')).toMatchObject({
      actor: { kind: 'carrier' },
      data: { role: 'carrier', requestId: expect.any(String) },
    });
  });

  it('refuses a badly signed carrier webhook with 401 and changes nothing', async () => {
    const created = await api.createCase(returnRequest({ items: [{ sku: 'JACKET-M', quantity: 1, condition: 'opened' }] }));
    const caseId = created.body.id as string;
    await api.waitForStatus(caseId, 'under_review');
    await api.sim('/sim/scripts', { caseId, pickup: 'never', inspection: 'manual' });
    await api.post(`/v1/cases/${caseId}/actions/approve`, {});
    await api.waitForStatus(caseId, 'label_issued');

    const forged = await api.sim('/sim/commands/carrier-event', {
      caseId,
      type: 'picked_up',
      signatureSecret: 'not-the-partner-secret',
    });
    expect(forged.status).toBe(401);
    expect((await api.get(`/v1/cases/${caseId}`)).body.status).toBe('label_issued');
    const genuine = await api.sim('/sim/commands/carrier-event', { caseId, type: 'picked_up' });
    expect(genuine.status).toBe(200);
    const timeline = await api.timelineTypes(caseId);
    expect(timeline.filter((t) => t === 'parcel.picked_up')).toHaveLength(1);
  });
});
