import { randomUUID } from 'node:crypto';
import type { Stack } from '../../scripts/stack';
import { WAREHOUSE_ID } from '../../sim/warehouse';
import { eventually } from '../support/eventually';
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
    expect(created).toMatchObject({ status: 201 });
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

describe('partners reach only what is theirs', () => {
  const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;
  const DAY_MS = 86_400_000;

  /** A return whose label is issued, which the simulator leaves to the test: nothing moves unless the test sends it. */
  async function labelIssued(): Promise<{ caseId: string; label: { carrier: string; trackingNumber: string } }> {
    const created = await api.createCase(returnRequest({ items: [{ sku: 'JACKET-M', quantity: 1, condition: 'opened' }] }));
    const caseId = created.body.id as string;
    await api.waitForStatus(caseId, 'under_review');
    await api.sim('/sim/scripts', { caseId, pickup: 'never', inspection: 'manual' });
    await api.post(`/v1/cases/${caseId}/actions/approve`, {});
    // The record, which trails the workflow a moment, names the label once it is issued.
    const label = await eventually(async () => {
      const { body } = await api.get(`/v1/cases/${caseId}`);
      expect(body.details.returnLabel).toBeDefined();
      return body.details.returnLabel as { carrier: string; trackingNumber: string };
    });
    return { caseId, label };
  }

  const event = (caseId: string, type: string, fields: Record<string, unknown> = {}) => ({
    eventId: randomUUID(),
    type,
    caseId,
    occurredAt: new Date().toISOString(),
    ...fields,
  });

  /** What a refused event must leave as it was: the case's status and its timeline. */
  async function caseNow(caseId: string) {
    const { body } = await api.get(`/v1/cases/${caseId}`);
    return { status: body.status as string, timeline: await api.timelineTypes(caseId) };
  }

  it('lets only the carrier the label was issued to move the parcel: another carrier quoting its tracking number gets 404', async () => {
    const { caseId, label } = await labelIssued();
    const before = await caseNow(caseId);

    const foreign = await api.webhook('/v1/webhooks/carriers/other-carrier', event(caseId, 'picked_up', { trackingNumber: label.trackingNumber }));
    expect(foreign.status).toBe(404);
    expect(foreign.body.type).toBe(problemType('unknown-partner'));
    expect(await caseNow(caseId)).toEqual(before);

    const own = await api.webhook(`/v1/webhooks/carriers/${label.carrier}`, event(caseId, 'picked_up', { trackingNumber: label.trackingNumber }));
    expect(own).toMatchObject({ status: 200, body: { caseId, status: 'in_transit' } });
  });

  it('takes the inspection only from the warehouse the return was routed to: another warehouse gets 404', async () => {
    const { caseId, label } = await labelIssued();
    const carrier = `/v1/webhooks/carriers/${label.carrier}`;
    expect((await api.webhook(carrier, event(caseId, 'picked_up', { trackingNumber: label.trackingNumber }))).status).toBe(200);
    expect((await api.webhook(carrier, event(caseId, 'delivered', { trackingNumber: label.trackingNumber }))).status).toBe(200);
    const before = await caseNow(caseId);
    expect(before.status).toBe('received');

    const foreign = await api.webhook('/v1/webhooks/warehouses/other-warehouse', event(caseId, 'inspected', { result: 'damaged' }));
    expect(foreign.status).toBe(404);
    expect(foreign.body.type).toBe(problemType('unknown-partner'));
    expect(await caseNow(caseId)).toEqual(before);

    const routed = await api.webhook(`/v1/webhooks/warehouses/${WAREHOUSE_ID}`, event(caseId, 'inspected', { result: 'restockable' }));
    expect(routed.status).toBe(200);
  });

  it('refuses an event dated beyond the signature tolerance in the future with 422 at occurredAt, and takes one a little ahead', async () => {
    const { caseId, label } = await labelIssued();
    const before = await caseNow(caseId);
    const pickup = (occurredAt: Date) =>
      event(caseId, 'picked_up', { trackingNumber: label.trackingNumber, occurredAt: occurredAt.toISOString() });

    const ahead = await api.webhook(`/v1/webhooks/carriers/${label.carrier}`, pickup(new Date(Date.now() + 2 * DAY_MS)));
    expect(ahead.status).toBe(422);
    expect(ahead.body.type).toBe(problemType('event-in-future'));
    expect(ahead.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'occurredAt' })]);
    expect(await caseNow(caseId)).toEqual(before);

    // A partner's clock a minute fast is within the tolerance the signature allows.
    const skewed = await api.webhook(`/v1/webhooks/carriers/${label.carrier}`, pickup(new Date(Date.now() + 60_000)));
    expect(skewed).toMatchObject({ status: 200, body: { status: 'in_transit' } });
  });

  it('holds an event id to its first event: reused for another step, refused or taken, it is 409 naming the first use', async () => {
    const { caseId, label } = await labelIssued();
    const carrier = `/v1/webhooks/carriers/${label.carrier}`;
    const scan = (type: string, eventId: string) => ({ ...event(caseId, type, { trackingNumber: label.trackingNumber }), eventId });
    const pickup = scan('picked_up', randomUUID());
    expect((await api.webhook(carrier, pickup)).status).toBe(200);

    // A second pickup is refused: the case is past it. Its id then means that pickup and nothing else.
    const refused = scan('picked_up', randomUUID());
    expect((await api.webhook(carrier, refused)).status).toBe(409);
    const before = await caseNow(caseId);
    const reused = await api.webhook(carrier, { ...refused, type: 'delivered' });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({
      type: problemType('event-id-reuse'),
      eventId: refused.eventId,
      firstUse: { caseId, type: 'picked_up', occurredAt: refused.occurredAt, receivedAt: expect.any(String) },
    });
    const takenReused = await api.webhook(carrier, { ...pickup, type: 'delivered' });
    expect(takenReused.status).toBe(409);
    expect(takenReused.body).toMatchObject({ type: problemType('event-id-reuse'), firstUse: { caseId, type: 'picked_up' } });
    expect(await caseNow(caseId)).toEqual(before);

    // The same event again is a redelivery, answered as before.
    expect(await api.webhook(carrier, pickup)).toMatchObject({ status: 200, body: { status: 'in_transit' } });
    expect((await api.webhook(carrier, scan('delivered', randomUUID()))).status).toBe(200);
  });
});
