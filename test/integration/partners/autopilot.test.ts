import { createLogisticsActivities } from '../../../activities/logistics';
import type { Simulator } from '../../../sim/createSimulator';
import { eventually } from '../../support/eventually';
import { adapterConfig, simPost, simRecords, startSimulator, WebhookReceiver } from './partnerSupport';

/** The simulator playing carrier and warehouse on its own once a return label exists. */
describe('simulator autopilot', () => {
  let receiver: WebhookReceiver;
  let sim: Simulator;
  let logistics: ReturnType<typeof createLogisticsActivities>;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    sim = await startSimulator({
      autopilot: true,
      webhookTarget: receiver.url,
      // The pickup delay is the time a test has to void a label before its first event is due.
      delays: { pickupMs: 500, deliveryMs: 20, inspectionMs: 20 },
    });
    logistics = createLogisticsActivities(adapterConfig(sim));
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.stop();
  });

  const issueLabel = (caseId: string) =>
    logistics.createReturnLabel({
      idempotencyKey: `${caseId}:label`,
      caseId,
      customerId: 'cust-1',
      items: [{ sku: 'MUG', quantity: 1 }],
    });
  const receivedTypes = (caseId: string) => receiver.forCase(caseId).map((w) => w.event.type);
  const untilComplete = (caseId: string) =>
    eventually(async () => expect(receivedTypes(caseId)).toContain('inspected'));

  it('sends picked_up, delivered and the scripted inspection, signed, in order', async () => {
    await simPost(sim, '/sim/scripts', { caseId: 'auto-order', inspection: 'damaged' });
    const { trackingNumber } = await issueLabel('auto-order');
    await untilComplete('auto-order');

    const received = receiver.forCase('auto-order');
    expect(received.map((w) => [w.path, w.event.type])).toEqual([
      ['/v1/webhooks/carriers/sim-carrier', 'picked_up'],
      ['/v1/webhooks/carriers/sim-carrier', 'delivered'],
      ['/v1/webhooks/warehouses/sim-warehouse', 'inspected'],
    ]);
    expect(received.every((w) => w.signature.ok)).toBe(true);
    expect(received.slice(0, 2).map((w) => w.event.trackingNumber)).toEqual([trackingNumber, trackingNumber]);
    expect(received[2]?.event).toMatchObject({ result: 'damaged', notes: expect.any(String) });
    expect(new Set(received.map((w) => w.event.eventId)).size).toBe(3);
    expect((await simRecords(sim, 'auto-order')).webhooks.map((w) => w.status)).toEqual([200, 200, 200]);
  });

  it('retries a step our API refused with 409, keeping its event id', async () => {
    let refusals = 0;
    receiver.answer = (w) => (w.event.caseId === 'auto-retry' && refusals++ === 0 ? 409 : 200);
    await issueLabel('auto-retry');
    await untilComplete('auto-retry');
    receiver.answer = () => 200;

    const [refused, retried, ...rest] = receiver.forCase('auto-retry');
    expect(refused?.event.type).toBe('picked_up');
    expect(retried?.event.eventId).toBe(refused?.event.eventId);
    expect(rest.map((w) => w.event.type)).toEqual(['delivered', 'inspected']);
    expect((await simRecords(sim, 'auto-retry')).webhooks.map((w) => [w.type, w.attempt, w.status])).toEqual([
      ['picked_up', 1, 409],
      ['picked_up', 2, 200],
      ['delivered', 1, 200],
      ['inspected', 1, 200],
    ]);
  });

  it('sends nothing for a voided label or a parcel scripted never to be picked up', async () => {
    const voided = await issueLabel('auto-void');
    await logistics.voidLabel({ idempotencyKey: 'auto-void:void', caseId: 'auto-void', labelId: voided.labelId });
    await simPost(sim, '/sim/scripts', { caseId: 'auto-never', pickup: 'never' });
    await issueLabel('auto-never');

    // Issued last on the same delays: once its run is over, the others' would have been too.
    await issueLabel('auto-control');
    await untilComplete('auto-control');

    expect(receiver.forCase('auto-void')).toEqual([]);
    expect(receiver.forCase('auto-never')).toEqual([]);
  });

  it('leaves a manually scripted inspection to the test', async () => {
    await simPost(sim, '/sim/scripts', { caseId: 'auto-manual', inspection: 'manual' });
    await issueLabel('auto-manual');
    await eventually(async () => expect(receivedTypes('auto-manual')).toEqual(['picked_up', 'delivered']));

    // A full run started after that delivery outlasts the inspection delay the manual case would have used.
    await issueLabel('auto-manual-control');
    await untilComplete('auto-manual-control');

    expect(receivedTypes('auto-manual')).toEqual(['picked_up', 'delivered']);
  });
});
