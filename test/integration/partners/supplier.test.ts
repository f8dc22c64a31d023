import { PARTNER_REJECTED, PARTNER_UNAVAILABLE } from '../../../activities/partnerHttp';
import { createSupplierActivities } from '../../../activities/supplier';
import type { Simulator } from '../../../sim/createSimulator';
import { adapterConfig, failureOf, simPost, simRecords, startSimulator } from './partnerSupport';

describe('supplier adapter against the simulator', () => {
  let sim: Simulator;
  let supplier: ReturnType<typeof createSupplierActivities>;

  beforeAll(async () => {
    sim = await startSimulator();
    supplier = createSupplierActivities(adapterConfig(sim));
  });
  afterAll(() => sim.stop());

  const phone = {
    supplierId: 'acme-repairs',
    sku: 'PHONE-X',
    category: 'phone',
    serialNumber: 'SN-123',
    problem: 'does not charge',
    inWarranty: true,
  };
  const order = (caseId: string, opts: { onSite?: boolean } = {}) =>
    supplier.createRepairOrder({ ...phone, idempotencyKey: `${caseId}:repair-order`, caseId, onSite: opts.onSite ?? false });

  it('places one repair order however often the same request is retried', async () => {
    const first = await order('sup-order');
    const retried = await order('sup-order');

    expect(retried.repairOrderId).toBe(first.repairOrderId);
    expect((await simRecords(sim, 'sup-order')).repairOrders).toEqual([
      { ...phone, caseId: 'sup-order', repairOrderId: first.repairOrderId, onSite: false, at: expect.any(String) },
    ]);
  });

  it('cancels an order once, and refuses to cancel it at another supplier', async () => {
    const { repairOrderId } = await order('sup-cancel');
    const cancel = (supplierId: string, idempotencyKey: string) =>
      supplier.cancelRepairOrder({ idempotencyKey, caseId: 'sup-cancel', supplierId, repairOrderId });

    await cancel('acme-repairs', 'sup-cancel:cancel');
    await cancel('acme-repairs', 'sup-cancel:cancel-again');
    const elsewhere = await failureOf(cancel('soundfix', 'sup-cancel:cancel-elsewhere'));

    expect((await simRecords(sim, 'sup-cancel')).cancelledRepairOrders).toEqual([
      expect.objectContaining({ supplierId: 'acme-repairs', repairOrderId }),
    ]);
    expect(elsewhere).toMatchObject({ type: PARTNER_REJECTED, details: [{ status: 404, body: { error: 'unknown_repair_order' } }] });
  });

  it('offers three visit slots on the coming days and books, then moves, a visit', async () => {
    const { repairOrderId } = await order('sup-visit', { onSite: true });
    const ref = { caseId: 'sup-visit', supplierId: 'acme-repairs', repairOrderId };
    const { slots } = await supplier.listVisitSlots(ref);

    expect(slots).toHaveLength(3);
    const starts = slots.map((s) => Date.parse(s.start));
    expect(starts.every((start) => start > Date.now())).toBe(true);
    expect(new Set(slots.map((s) => s.start.slice(0, 10))).size).toBe(3);
    expect(slots.every((s) => Date.parse(s.end) > Date.parse(s.start))).toBe(true);

    const [first, second] = slots;
    const booked = await supplier.bookVisit({ ...ref, idempotencyKey: 'sup-visit:visit:1', slotId: first!.slotId });
    expect(booked).toEqual({ visitId: expect.any(String), slot: first });
    const afterBooking = (await supplier.listVisitSlots(ref)).slots;
    expect(afterBooking).toHaveLength(3);
    expect(afterBooking.map((s) => s.slotId)).not.toContain(first!.slotId);

    const moved = await supplier.bookVisit({ ...ref, idempotencyKey: 'sup-visit:visit:2', slotId: second!.slotId });
    expect(moved.slot).toEqual(second);
    expect((await simRecords(sim, 'sup-visit')).visits.map((v) => v.slot.slotId)).toEqual([first!.slotId, second!.slotId]);
  });

  it('refuses a slot it never offered, and any visit for a cancelled order', async () => {
    const { repairOrderId } = await order('sup-refuse', { onSite: true });
    const ref = { caseId: 'sup-refuse', supplierId: 'acme-repairs', repairOrderId };
    const unknownSlot = await failureOf(supplier.bookVisit({ ...ref, idempotencyKey: 'sup-refuse:v1', slotId: 'tomorrow' }));
    await supplier.cancelRepairOrder({ ...ref, idempotencyKey: 'sup-refuse:cancel' });
    const slotsOfCancelled = await failureOf(supplier.listVisitSlots(ref));

    expect(unknownSlot).toMatchObject({ type: PARTNER_REJECTED, details: [{ status: 409, body: { error: 'slot_unavailable' } }] });
    expect(slotsOfCancelled).toMatchObject({ type: PARTNER_REJECTED, details: [{ status: 409 }] });
  });

  it('keeps a failing slot listing retryable, like any partner outage', async () => {
    const { repairOrderId } = await order('sup-outage', { onSite: true });
    await simPost(sim, '/sim/faults', { operation: 'suppliers.slots', failTimes: 1 });
    const ref = { caseId: 'sup-outage', supplierId: 'acme-repairs', repairOrderId };

    const failure = await failureOf(supplier.listVisitSlots(ref));
    expect(failure).toMatchObject({ type: PARTNER_UNAVAILABLE, nonRetryable: false });
    expect((await supplier.listVisitSlots(ref)).slots).toHaveLength(3);
  });
});
