import { createLogisticsActivities } from '../../../activities/logistics';
import { createSupplierActivities } from '../../../activities/supplier';
import type { Simulator } from '../../../sim/createSimulator';
import { adapterConfig, simPost, simRecords, startSimulator, WebhookReceiver } from './partnerSupport';

/** Partner events sent on demand, answered with what our API replied. */
describe('simulator commands', () => {
  let receiver: WebhookReceiver;
  let sim: Simulator;
  let trackingNumber: string;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    sim = await startSimulator({ webhookTarget: receiver.url });
    const logistics = createLogisticsActivities(adapterConfig(sim));
    ({ trackingNumber } = await logistics.createReturnLabel({
      idempotencyKey: 'cmd:label',
      caseId: 'cmd',
      customerId: 'cust-1',
      items: [{ sku: 'MUG', quantity: 1 }],
    }));
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.stop();
  });

  it("sends a signed carrier event for the case's label and answers with our API's reply", async () => {
    const reply = await simPost(sim, '/sim/commands/carrier-event', { caseId: 'cmd', type: 'picked_up' });
    expect(reply).toMatchObject({ status: 200, body: { status: 200, body: { status: 'accepted' } } });

    const sent = receiver.received.find((w) => w.event.eventId === reply.body.eventId);
    expect(sent).toMatchObject({
      signature: { ok: true },
      event: { caseId: 'cmd', type: 'picked_up', trackingNumber },
    });
  });

  it('signs with the overriding secret, so our API sees a bad signature', async () => {
    const reply = await simPost(sim, '/sim/commands/carrier-event', {
      caseId: 'cmd',
      type: 'delivered',
      signatureSecret: 'not-the-partner-secret',
    });
    expect(reply.body.status).toBe(401);

    const sent = receiver.received.find((w) => w.event.eventId === reply.body.eventId);
    expect(sent?.signature).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('sends an inspection with the given event id and records what our API answered', async () => {
    const reply = await simPost(sim, '/sim/commands/inspection', {
      caseId: 'cmd',
      result: 'restockable',
      eventId: 'inspection-1',
      notes: 'as new',
    });
    expect(reply.body.status).toBe(200);
    expect(receiver.received.find((w) => w.event.eventId === 'inspection-1')?.event).toMatchObject({
      type: 'inspected',
      result: 'restockable',
      notes: 'as new',
    });
    const { webhooks } = await simRecords(sim, 'cmd');
    expect(webhooks.find((w) => w.eventId === 'inspection-1')).toMatchObject({ status: 200, attempt: 1 });
  });

  it('refuses a carrier event for a case without a label unless a tracking number is given', async () => {
    const refused = await simPost(sim, '/sim/commands/carrier-event', { caseId: 'cmd-no-label', type: 'picked_up' });
    expect(refused).toMatchObject({ status: 404, body: { error: 'no_label' } });

    const sent = await simPost(sim, '/sim/commands/carrier-event', {
      caseId: 'cmd-no-label',
      type: 'picked_up',
      trackingNumber: 'SIM0000000001',
    });
    expect(sent.body.status).toBe(200);
  });

  it("sends a signed supplier step from the supplier of the case's repair order", async () => {
    const supplier = createSupplierActivities(adapterConfig(sim));
    await supplier.createRepairOrder({
      idempotencyKey: 'cmd-repair:order',
      caseId: 'cmd-repair',
      supplierId: 'soundfix',
      sku: 'BUDS-2',
      category: 'headphones',
      problem: 'left bud silent',
      inWarranty: false,
      onSite: false,
    });
    const quote = { amount: 4_900, currency: 'EUR' };
    const diagnosed = await simPost(sim, '/sim/commands/supplier-step', {
      caseId: 'cmd-repair',
      type: 'diagnosed',
      diagnosis: 'driver blown',
      quote,
    });
    const shipped = await simPost(sim, '/sim/commands/supplier-step', { caseId: 'cmd-repair', type: 'shipped_back' });

    expect([diagnosed.body.status, shipped.body.status]).toEqual([200, 200]);
    const sent = (eventId: string) => receiver.received.find((w) => w.event.eventId === eventId);
    expect(sent(diagnosed.body.eventId)).toMatchObject({
      path: '/v1/webhooks/suppliers/soundfix',
      signature: { ok: true },
      event: { caseId: 'cmd-repair', type: 'diagnosed', diagnosis: 'driver blown', quote },
    });
    expect(sent(shipped.body.eventId)?.event.trackingNumber).toEqual(expect.any(String));
  });

  it('refuses a supplier step for a case without a repair order unless a supplier is named', async () => {
    const refused = await simPost(sim, '/sim/commands/supplier-step', { caseId: 'cmd-no-order', type: 'received' });
    const named = await simPost(sim, '/sim/commands/supplier-step', {
      caseId: 'cmd-no-order',
      supplierId: 'acme-repairs',
      type: 'received',
      eventId: 'received-1',
    });

    expect(refused).toMatchObject({ status: 404, body: { error: 'no_repair_order' } });
    expect(named.body).toMatchObject({ eventId: 'received-1', status: 200 });
  });

  it('says so when it does not yet know where our API is', async () => {
    const untargeted = await startSimulator();
    try {
      const reply = await simPost(untargeted, '/sim/commands/inspection', { caseId: 'cmd', result: 'damaged' });
      expect(reply).toMatchObject({ status: 409, body: { error: 'webhook_target_not_set' } });
    } finally {
      await untargeted.stop();
    }
  });

  it('rejects a malformed command with 400', async () => {
    const reply = await simPost(sim, '/sim/commands/carrier-event', { caseId: 'cmd', type: 'teleported' });
    expect(reply).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });
});
