import { randomUUID } from 'node:crypto';
import { caseIdFor } from '../../api/schemas/caseId';
import { seconds } from '../../config/policies/duration';
import type { RepairScript } from '../../sim/caseScripts';
import type { Stack } from '../../scripts/stack';
import { eventually } from '../support/eventually';
import { testRepairPolicy } from '../support/repairCases';
import { repairRequest } from '../support/requests';
import { ApiClient, startTestStack } from '../support/stackHarness';

/** Headphones go to a supplier of this file's own with a 2 s response time, so its scorecard and breach are this file's. */
const lateSupplier = `late-repairs-${randomUUID().slice(0, 8)}`;

let stack: Stack;
let api: ApiClient;
beforeAll(async () => {
  stack = await startTestStack('e2e-repairs', {
    repairs: {
      ...testRepairPolicy,
      supplierByCategory: { ...testRepairPolicy.supplierByCategory, headphones: lateSupplier },
      supplierResponseMs: { default: seconds(30), bySupplier: { [lateSupplier]: seconds(2) } },
      // Long enough that the customer's confirmation, not the clock, closes a repair here.
      autoCloseAfterShipBackMs: seconds(60),
    },
  });
  api = new ApiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

/**
 * Opens a repair as its customer would. The case id follows from the customer and the key, so a
 * simulator script is in place before the supplier ever hears of the case.
 */
async function openRepair(request: ReturnType<typeof repairRequest>, script?: RepairScript) {
  const idempotencyKey = randomUUID();
  const caseId = caseIdFor(request.customer.id, idempotencyKey);
  if (script) await api.sim('/sim/scripts', { caseId, repair: script });
  const customer = api.as({ sub: request.customer.id, role: 'customer' });
  expect((await customer.createCase(request, idempotencyKey)).status).toBe(201);
  return { caseId, customer };
}

/** Troubleshooting did not help: the product goes to the supplier. */
async function sendToSupplier(caseId: string, customer: ApiClient): Promise<void> {
  await api.waitForStatus(caseId, 'troubleshooting');
  expect((await customer.post(`/v1/cases/${caseId}/actions/not_fixed`, { note: 'still broken' })).status).toBe(200);
}

async function confirmReceipt(caseId: string, customer: ApiClient) {
  await api.waitForStatus(caseId, 'shipped_back');
  expect((await customer.post(`/v1/cases/${caseId}/actions/confirm`, {})).status).toBe(200);
  return api.waitForClosed(caseId);
}

const supplierStep = (body: Record<string, unknown>) => api.sim('/sim/commands/supplier-step', body);

describe('a repair, entirely over HTTP', () => {
  it('repairs a product in warranty at the supplier and closes when the customer confirms receipt', async () => {
    const { caseId, customer } = await openRepair(repairRequest());
    await sendToSupplier(caseId, customer);

    const closed = await confirmReceipt(caseId, customer);
    expect(closed).toMatchObject({ outcome: 'repaired', details: { supplierId: 'acme-repairs' } });
    expect(await api.timelineTypes(caseId)).toEqual(
      expect.arrayContaining(['supplier.received', 'supplier.diagnosed', 'supplier.repaired', 'supplier.shipped_back', 'receipt.confirmed']),
    );
    const records = await api.records(caseId);
    expect(records.repairOrders).toEqual([expect.objectContaining({ supplierId: 'acme-repairs', inWarranty: true })]);
    expect(records.charges).toHaveLength(0);
  });

  it('repairs a product out of warranty once the customer approves the quote, charging it', async () => {
    const { caseId, customer } = await openRepair(repairRequest({ purchasedMonthsAgo: 30 }));
    await sendToSupplier(caseId, customer);
    const quoted = await api.waitForStatus(caseId, 'awaiting_quote_approval');
    expect(quoted.live.allowedActions).toEqual(['approve-quote', 'decline-quote']);

    expect((await customer.post(`/v1/cases/${caseId}/actions/approve-quote`, {})).status).toBe(200);
    const closed = await confirmReceipt(caseId, customer);

    expect(closed.outcome).toBe('repaired');
    expect((await api.records(caseId)).charges).toEqual([expect.objectContaining({ amount: 8_900 })]);
  });

  it('ships the product back unrepaired when the customer declines the quote', async () => {
    const { caseId, customer } = await openRepair(repairRequest({ purchasedMonthsAgo: 30 }));
    await sendToSupplier(caseId, customer);
    await api.waitForStatus(caseId, 'awaiting_quote_approval');

    expect((await customer.post(`/v1/cases/${caseId}/actions/decline-quote`, { reason: 'too expensive' })).status).toBe(200);
    const closed = await confirmReceipt(caseId, customer);

    expect(closed.outcome).toBe('returned_unrepaired');
    expect(await api.timelineTypes(caseId)).not.toContain('supplier.repaired');
    expect((await api.records(caseId)).charges).toHaveLength(0);
  });

  it('sends a replacement from stock when the supplier finds the product unrepairable', async () => {
    const { caseId, customer } = await openRepair(repairRequest(), 'unrepairable');
    await sendToSupplier(caseId, customer);

    const closed = await api.waitForClosed(caseId);
    expect(closed.outcome).toBe('replaced');
    expect((await api.records(caseId)).shipments.map((s) => s.sku)).toEqual(['PHONE-X']);
  });

  it('closes as resolved remotely, automatically, when the troubleshooting guide fixes it', async () => {
    const { caseId, customer } = await openRepair(repairRequest());
    await api.waitForStatus(caseId, 'troubleshooting');
    expect((await customer.post(`/v1/cases/${caseId}/actions/fixed`, {})).status).toBe(200);

    const closed = await api.waitForClosed(caseId);
    expect(closed).toMatchObject({ outcome: 'resolved_remotely', resolution: 'automated' });
    const records = await api.records(caseId);
    expect(records.repairOrders).toHaveLength(0);
    expect(records.notifications.map((n) => n.template)).toContain('troubleshooting_guide');
  });

  it('books a technician for a bulky product, moves the visit on request, and closes on its outcome', async () => {
    const request = repairRequest({ item: { sku: 'FRIDGE-9' }, category: 'large_appliance' });
    // The visit outcome is sent by hand below, once the visit has moved.
    const { caseId, customer } = await openRepair(request, 'manual');
    await api.waitForStatus(caseId, 'visit_scheduled');
    const [booked] = (await api.records(caseId)).visits ?? [];

    expect((await customer.post(`/v1/cases/${caseId}/actions/reschedule`, {})).status).toBe(200);
    const moved = await eventually(async () => {
      const visits = (await api.records(caseId)).visits ?? [];
      expect(visits).toHaveLength(2);
      return visits[1]!.slot.slotId;
    });
    expect(moved).not.toBe(booked!.slot.slotId);

    const completed = await supplierStep({ caseId, type: 'visit_completed', outcome: 'repaired' });
    expect(completed.status).toBe(200);
    const closed = await api.waitForClosed(caseId);
    expect(closed.outcome).toBe('repaired');
    expect(await api.timelineTypes(caseId)).toEqual(expect.arrayContaining(['visit.booked', 'visit.rescheduled']));
  });

  it('answers a supplier: 503 retry-later for a step ahead, 409 for one behind, 200 once for a redelivery, 404 to another supplier', async () => {
    const { caseId, customer } = await openRepair(repairRequest(), 'manual');
    await sendToSupplier(caseId, customer);
    await api.waitForStatus(caseId, 'repair_ordered');

    const early = await supplierStep({ caseId, type: 'diagnosed', diagnosis: 'too soon' });
    const received = await supplierStep({ caseId, type: 'received', eventId: `received-${caseId}` });
    const redelivered = await supplierStep({ caseId, type: 'received', eventId: `received-${caseId}` });
    const late = await supplierStep({ caseId, type: 'received' });
    const stranger = await supplierStep({ caseId, supplierId: 'soundfix', type: 'diagnosed', diagnosis: 'not mine' });

    expect(early).toMatchObject({ status: 503, body: { currentStatus: 'repair_ordered' } });
    expect(late).toMatchObject({ status: 409, body: { currentStatus: 'at_supplier', allowedSteps: ['diagnosed'] } });
    expect([received.status, redelivered.status]).toEqual([200, 200]);
    expect(redelivered.body).toEqual(received.body);
    expect(stranger.status).toBe(404);
    const timeline = await api.timelineTypes(caseId);
    expect(timeline.filter((t) => t === 'supplier.received')).toHaveLength(1);
    expect(timeline).not.toContain('supplier.diagnosed');
  });

  it('holds a late supplier to its response time: reminder, breach, escalation, a late step on its scorecard', async () => {
    const request = repairRequest({ item: { sku: 'BUDS-1' }, category: 'headphones' });
    const { caseId, customer } = await openRepair(request, 'late');
    await sendToSupplier(caseId, customer);

    await eventually(async () => expect(await api.timelineTypes(caseId)).toContain('escalation.started'), 60_000);
    const breached = await api.get(`/v1/cases/${caseId}`);
    expect(breached.body.breached).toBe(true);
    const messages = (await api.records(caseId)).partyMessages ?? [];
    expect(messages.map((m) => [m.audience, m.template])).toEqual(
      expect.arrayContaining([
        ['supplier', 'supplier_step_reminder'],
        ['supplier', 'supplier_step_breached'],
        ['operations', 'supplier_step_breached'],
      ]),
    );

    // The diagnosis arrives after all: the case goes on, and the step counts as late.
    expect((await supplierStep({ caseId, type: 'diagnosed', diagnosis: 'loose contact' })).status).toBe(200);
    await eventually(async () => {
      const scorecard = await api.get(`/v1/suppliers/${lateSupplier}/scorecard`);
      expect(scorecard.body.steps).toEqual({ onTime: 1, late: 1 });
    });
  });
});
