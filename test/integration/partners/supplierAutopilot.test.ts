import { createSupplierActivities } from '../../../activities/supplier';
import type { Simulator } from '../../../sim/createSimulator';
import { eventually } from '../../support/eventually';
import { adapterConfig, simPost, simRecords, startSimulator, WebhookReceiver, type ReceivedWebhook } from './partnerSupport';

/** The simulator playing a repair supplier on its own once a repair order exists, by the case's script. */
describe('simulator supplier autopilot', () => {
  let receiver: WebhookReceiver;
  let sim: Simulator;
  let supplier: ReturnType<typeof createSupplierActivities>;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    // The step delay is the time a test has to cancel an order or move a visit before the next event is due.
    sim = await startSimulator({ autopilot: true, webhookTarget: receiver.url, delays: { supplierStepMs: 300 } });
    supplier = createSupplierActivities(adapterConfig(sim));
  });
  afterAll(async () => {
    await sim.stop();
    await receiver.stop();
  });
  afterEach(() => {
    receiver.answer = () => 200;
  });

  const placeOrder = (caseId: string, opts: { inWarranty?: boolean; onSite?: boolean } = {}) =>
    supplier.createRepairOrder({
      idempotencyKey: `${caseId}:repair-order`,
      caseId,
      supplierId: 'acme-repairs',
      sku: 'PHONE-X',
      category: 'phone',
      problem: 'screen flickers',
      inWarranty: opts.inWarranty ?? true,
      onSite: opts.onSite ?? false,
    });
  const script = (caseId: string, repair: string) => simPost(sim, '/sim/scripts', { caseId, repair });
  /** The steps our API accepted, in order; refused attempts are retries, not steps. */
  const acceptedSteps = (caseId: string) =>
    receiver
      .forCase(caseId)
      .filter((w) => w.signature.ok && answered(w) < 300)
      .map((w) => w.event.type);
  const answers = new Map<ReceivedWebhook, number>();
  const answered = (w: ReceivedWebhook) => answers.get(w) ?? 200;
  const answerWith = (decide: (w: ReceivedWebhook) => { status: number; body: unknown } | undefined) => {
    receiver.answer = (w) => {
      const answer = decide(w) ?? { status: 200, body: { status: 'accepted' } };
      answers.set(w, answer.status);
      return answer;
    };
  };
  /** A run placed after the others with the same delays: once it is over, theirs would have been too. */
  const controlRunCompletes = async (caseId: string) => {
    await placeOrder(caseId);
    await eventually(async () => expect(acceptedSteps(caseId)).toContain('shipped_back'));
  };

  it('repairs an order in warranty: received, diagnosed, repaired, shipped back, all signed', async () => {
    await placeOrder('sup-warranty');
    await eventually(async () => expect(acceptedSteps('sup-warranty')).toHaveLength(4));

    const received = receiver.forCase('sup-warranty');
    expect(received.map((w) => [w.path, w.event.type])).toEqual([
      ['/v1/webhooks/suppliers/acme-repairs', 'received'],
      ['/v1/webhooks/suppliers/acme-repairs', 'diagnosed'],
      ['/v1/webhooks/suppliers/acme-repairs', 'repaired'],
      ['/v1/webhooks/suppliers/acme-repairs', 'shipped_back'],
    ]);
    expect(received.every((w) => w.signature.ok)).toBe(true);
    expect(received[1]?.event).toMatchObject({ diagnosis: expect.any(String) });
    expect(received[1]?.event.quote).toBeUndefined();
    expect(received[3]?.event).toMatchObject({ trackingNumber: expect.any(String) });
  });

  it('quotes an order out of warranty and repairs it once the customer has approved', async () => {
    let approved = false;
    answerWith((w) =>
      w.event.caseId === 'sup-approve' && w.event.type === 'repaired' && !approved
        ? { status: 409, body: { currentStatus: 'awaiting_quote_approval', allowedSteps: [] } }
        : undefined,
    );
    await placeOrder('sup-approve', { inWarranty: false });
    await eventually(async () => expect(receiver.forCase('sup-approve').map((w) => w.event.type)).toContain('repaired'));
    approved = true;

    await eventually(async () =>
      expect(acceptedSteps('sup-approve')).toEqual(['received', 'diagnosed', 'repaired', 'shipped_back']),
    );
    const diagnosed = receiver.forCase('sup-approve').find((w) => w.event.type === 'diagnosed');
    expect(diagnosed?.event.quote).toEqual({ amount: expect.any(Number), currency: 'EUR' });
  });

  it('ships a quoted item back unrepaired when the case allows nothing but that', async () => {
    answerWith((w) =>
      w.event.caseId === 'sup-decline' && w.event.type === 'repaired'
        ? { status: 409, body: { currentStatus: 'awaiting_ship_back', allowedSteps: ['shipped_back'] } }
        : undefined,
    );
    await placeOrder('sup-decline', { inWarranty: false });

    await eventually(async () => expect(acceptedSteps('sup-decline')).toEqual(['received', 'diagnosed', 'shipped_back']));
    expect(receiver.forCase('sup-decline').filter((w) => w.event.type === 'repaired')).toHaveLength(1);
  });

  it('declares a scripted order unrepairable after diagnosing it', async () => {
    await script('sup-unrepairable', 'unrepairable');
    await placeOrder('sup-unrepairable');

    await eventually(async () =>
      expect(acceptedSteps('sup-unrepairable')).toEqual(['received', 'diagnosed', 'unrepairable']),
    );
  });

  it('goes silent after receiving a late order, and sends nothing for a manual or cancelled one', async () => {
    await script('sup-late', 'late');
    await placeOrder('sup-late');
    await script('sup-manual', 'manual');
    await placeOrder('sup-manual');
    const { repairOrderId } = await placeOrder('sup-cancelled');
    await supplier.cancelRepairOrder({
      idempotencyKey: 'sup-cancelled:cancel',
      caseId: 'sup-cancelled',
      supplierId: 'acme-repairs',
      repairOrderId,
    });

    await controlRunCompletes('sup-silence-control');
    expect(acceptedSteps('sup-late')).toEqual(['received']);
    expect(receiver.forCase('sup-manual')).toEqual([]);
    expect(receiver.forCase('sup-cancelled')).toEqual([]);
  });

  it('completes an on-site repair only after a visit is booked, once, for the visit last booked', async () => {
    const { repairOrderId } = await placeOrder('sup-on-site', { onSite: true });
    const ref = { caseId: 'sup-on-site', supplierId: 'acme-repairs', repairOrderId };
    const { slots } = await supplier.listVisitSlots(ref);
    await supplier.bookVisit({ ...ref, idempotencyKey: 'sup-on-site:visit:1', slotId: slots[0]!.slotId });
    await supplier.bookVisit({ ...ref, idempotencyKey: 'sup-on-site:visit:2', slotId: slots[1]!.slotId });

    await eventually(async () => expect(acceptedSteps('sup-on-site')).toEqual(['visit_completed']));
    await controlRunCompletes('sup-on-site-control');
    expect(receiver.forCase('sup-on-site').map((w) => w.event)).toEqual([
      expect.objectContaining({ type: 'visit_completed', outcome: 'repaired' }),
    ]);
    expect((await simRecords(sim, 'sup-on-site')).visits).toHaveLength(2);
  });
});
