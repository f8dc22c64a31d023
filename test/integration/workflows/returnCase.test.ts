import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { seconds } from '../../../config/policies/duration';
import { type CaseActionRequest, caseActionUpdate } from '../../../workflows/lib/messages';
import { returnCaseInput, testReturnPolicy } from '../../support/returnCases';
import { testSlaPolicy, withTarget } from '../../support/slaPolicies';
import { eventually } from '../../support/eventually';
import { PARTNER_TIMEOUT_MS, WorkflowHarness } from '../../support/workflowHarness';

let harness: WorkflowHarness;
beforeAll(async () => {
  harness = await WorkflowHarness.start('return-workflow');
});
afterAll(async () => {
  await harness?.close();
});

const agent = { kind: 'agent' as const, id: 'agent-7' };
const action = (name: string, payload: Record<string, unknown> = {}, actor: CaseActionRequest['actor'] = agent) => ({
  args: [{ action: name, actor, role: actor.kind, requestId: `${name}-${randomUUID()}`, payload }] as [CaseActionRequest],
});

/** The refund activity's completed attempts, as the history records them (a retried attempt names the failure before it). */
async function refundAttempts(caseId: string) {
  const events = (await harness.client.workflow.getHandle(caseId).fetchHistory()).events ?? [];
  const refunds = new Set(
    events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'issueRefund').map((e) => String(e.eventId)),
  );
  return events
    .map((e) => e.activityTaskStartedEventAttributes)
    .filter((started) => started && refunds.has(String(started.scheduledEventId)))
    .map((started) => ({ attempt: started!.attempt, lastFailure: started!.lastFailure?.message }));
}

describe('return workflow', () => {
  it('refunds an auto-approved return exactly once and closes with a full timeline', async () => {
    const input = returnCaseInput();
    const handle = await harness.startReturn(input);
    await harness.deliverParcel(input.caseId);

    expect(await handle.result()).toEqual({ outcome: 'refunded' });
    const records = await harness.records(input.caseId);
    expect(records.refunds).toHaveLength(1);
    expect(records.refunds[0]!.amount).toBe(8_000);
    expect(records.stockMovements.some((m) => m.sku === 'SHOE-42')).toBe(true);
    expect(records.notifications.map((n) => n.template)).toEqual(
      expect.arrayContaining(['case_received', 'return_label', 'refund_issued', 'survey_request']),
    );

    const record = await harness.caseRecord(input.caseId);
    expect(record).toMatchObject({ status: 'closed', outcome: 'refunded', resolution: 'automated' });
    expect(record.closedAt).not.toBeNull();
    expect(await harness.timelineTypes(input.caseId)).toEqual([
      'case.requested',
      'case.approved',
      'label.issued',
      'parcel.picked_up',
      'parcel.delivered',
      'inspection.completed',
      'stock.restocked',
      'order.return_recorded',
      'refund.started',
      'refund.issued',
      'survey.requested',
      'case.closed',
    ]);
    // The order system counts it: a second return of the line would find nothing left.
    const order = await harness.orderSystem(input.order.id);
    expect(order.lines.find((line) => line.sku === 'SHOE-42')).toMatchObject({ quantity: 1, returned: 1 });
  });

  it('closes a request outside the return window without a label', async () => {
    const input = returnCaseInput();
    input.order.deliveredAt = new Date(Date.now() - 30 * 86_400_000).toISOString();
    input.order.purchasedAt = input.order.deliveredAt;
    const handle = await harness.startReturn(input);

    expect(await handle.result()).toEqual({ outcome: 'not_eligible' });
    expect((await harness.records(input.caseId)).labels).toHaveLength(0);
    expect(await harness.timelineTypes(input.caseId)).toEqual(['case.requested', 'eligibility.refused', 'case.closed']);
  });

  it('waits for an agent to approve an opened item, then proceeds', async () => {
    const input = returnCaseInput({ items: [{ sku: 'SHOE-42', quantity: 1, condition: 'opened' }] });
    const handle = await harness.startReturn(input);
    await harness.waitForStatus(input.caseId, 'under_review');

    const ack = await handle.executeUpdate(caseActionUpdate, action('approve', { note: 'looks fine' }));
    expect(ack.status).toBe('approved');
    await harness.deliverParcel(input.caseId);
    expect(await handle.result()).toEqual({ outcome: 'refunded' });
    expect((await harness.caseRecord(input.caseId)).resolution).toBe('human');
  });

  it('closes the case when the reviewer rejects it', async () => {
    const input = returnCaseInput({ items: [{ sku: 'SHOE-42', quantity: 1, condition: 'opened' }] });
    const handle = await harness.startReturn(input);
    await harness.waitForStatus(input.caseId, 'under_review');

    const ack = await handle.executeUpdate(caseActionUpdate, action('reject', { reason: 'worn' }));
    expect(ack.status).toBe('closed');
    expect(await handle.result()).toEqual({ outcome: 'rejected_by_review' });
    expect((await harness.records(input.caseId)).labels).toHaveLength(0);
  });

  it('applies the policy decision when nobody reviews in time', async () => {
    const input = returnCaseInput({
      items: [{ sku: 'SHOE-42', quantity: 1, condition: 'opened' }],
      policy: { ...testReturnPolicy, onReviewTimeout: 'reject' },
      sla: withTarget(testSlaPolicy, 'review', seconds(1)),
    });
    const handle = await harness.startReturn(input);
    expect(await handle.result()).toEqual({ outcome: 'rejected_by_review' });
    expect(await harness.timelineTypes(input.caseId)).toEqual(expect.arrayContaining(['sla.breached', 'review.timed_out']));
    expect((await harness.caseRecord(input.caseId)).breached).toBe(true);
  });

  it('cancels the case and voids the label when the parcel is not shipped in time', async () => {
    const input = returnCaseInput({ policy: { ...testReturnPolicy, shipByMs: seconds(2) } });
    const handle = await harness.startReturn(input);

    expect(await handle.result()).toEqual({ outcome: 'cancelled_not_shipped' });
    const records = await harness.records(input.caseId);
    expect(records.labels).toHaveLength(1);
    expect(records.voidedLabels).toHaveLength(1);
    expect(records.notifications.map((n) => n.template)).toContain('case_cancelled');
  });

  it('lets the customer cancel before shipping, voiding the label', async () => {
    const input = returnCaseInput();
    const handle = await harness.startReturn(input);
    await harness.waitForStatus(input.caseId, 'label_issued');

    const customer = { kind: 'customer' as const, id: input.customer.id };
    const ack = await handle.executeUpdate(caseActionUpdate, action('cancel', { reason: 'kept it' }, customer));
    expect(ack.status).toBe('closed');
    expect(await handle.result()).toEqual({ outcome: 'cancelled_by_customer' });
    expect((await harness.records(input.caseId)).voidedLabels).toHaveLength(1);
  });

  it('refuses nothing-to-refund after a damaged inspection', async () => {
    const input = returnCaseInput();
    const handle = await harness.startReturn(input);
    await harness.deliverParcel(input.caseId, 'damaged');

    expect(await handle.result()).toEqual({ outcome: 'rejected_after_inspection' });
    expect((await harness.records(input.caseId)).refunds).toHaveLength(0);
  });

  it('retries a refund that payments fails once, and still refunds once', async () => {
    const input = returnCaseInput();
    await harness.injectFault('payments.refund', 1);
    const handle = await harness.startReturn(input);
    await harness.deliverParcel(input.caseId);

    expect(await handle.result()).toEqual({ outcome: 'refunded' });
    expect((await harness.records(input.caseId)).refunds).toHaveLength(1);
  });

  it.each([
    ['its answer is lost', { when: 'after_recording' as const }],
    ['it answers after the activity has stopped waiting', { when: 'after_recording' as const, delayMs: PARTNER_TIMEOUT_MS + 1_000 }],
  ])('refunds exactly once when payments records the refund but %s', async (_what, fault) => {
    const input = returnCaseInput();
    await harness.injectFault('payments.refund', 1, { caseId: input.caseId, ...fault });
    const handle = await harness.startReturn(input);
    await harness.deliverParcel(input.caseId);

    expect(await handle.result()).toEqual({ outcome: 'refunded' });
    expect((await harness.records(input.caseId)).refunds).toHaveLength(1);
    // The fault was met: the refund that succeeded was a second attempt, after the first failed.
    expect(await refundAttempts(input.caseId)).toEqual([{ attempt: 2, lastFailure: expect.stringMatching(/status 503|timed out/) }]);
  });

  it('closes as failed when payments refuse the refund for good, leaving the used label alone', async () => {
    const input = returnCaseInput();
    await harness.injectFault('payments.refund', 1, { status: 422, caseId: input.caseId });
    const handle = await harness.startReturn(input);
    await harness.deliverParcel(input.caseId);

    expect(await handle.result()).toEqual({ outcome: 'failed' });
    const records = await harness.records(input.caseId);
    expect(records.refunds).toHaveLength(0);
    // The carrier has scanned the label; voiding it now would cancel nothing and confuse the carrier.
    expect(records.voidedLabels).toHaveLength(0);
    expect(await harness.timelineTypes(input.caseId)).toContain('case.failed');
  });

  it('rejects an out-of-order carrier step and leaves the case where it was', async () => {
    const input = returnCaseInput();
    await harness.startReturn(input);
    await harness.waitForStatus(input.caseId, 'label_issued');
    const trackingNumber = (await harness.records(input.caseId)).labels[0]!.trackingNumber;

    const early = harness.partnerStep(input.caseId, {
      step: 'delivered',
      partner: { kind: 'carrier', id: 'sim-carrier' },
      data: { trackingNumber },
    });
    await expect(early).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(early).rejects.toMatchObject({
      cause: { type: 'InvalidTransition', details: [{ status: 'label_issued', allowed: ['picked_up'] }] },
    });
    const wrongParcel = harness.partnerStep(input.caseId, {
      step: 'picked_up',
      partner: { kind: 'carrier', id: 'sim-carrier' },
      data: { trackingNumber: 'NOT-OURS' },
    });
    await expect(wrongParcel).rejects.toMatchObject({ cause: { type: 'UnknownPartner' } });
    await harness.waitForStatus(input.caseId, 'label_issued');
  });

  it('takes parcel steps only from the carrier the label was issued to, and the inspection only from the warehouse it routes to', async () => {
    const input = returnCaseInput();
    await harness.startReturn(input);
    await harness.waitForStatus(input.caseId, 'label_issued');
    const { trackingNumber, carrier, warehouseId } = (await harness.records(input.caseId)).labels[0]!;
    const scan = (step: string, partnerId: string) =>
      harness.partnerStep(input.caseId, { step, partner: { kind: 'carrier', id: partnerId }, data: { trackingNumber } });
    const inspection = (partnerId: string) =>
      harness.partnerStep(input.caseId, { step: 'inspected', partner: { kind: 'warehouse', id: partnerId }, data: { result: 'damaged' } });

    await expect(scan('picked_up', 'other-carrier')).rejects.toMatchObject({ cause: { type: 'UnknownPartner' } });
    expect(await scan('picked_up', carrier)).toEqual({ status: 'in_transit' });
    expect(await scan('delivered', carrier)).toEqual({ status: 'received' });
    await expect(inspection('other-warehouse')).rejects.toMatchObject({ cause: { type: 'UnknownPartner' } });
    expect(await harness.timelineTypes(input.caseId)).not.toContain('inspection.completed');
    await inspection(warehouseId);
    expect((await harness.caseRecord(input.caseId)).details.returnLabel).toEqual({ carrier, trackingNumber, warehouseId });
  });

  it('answers a redelivered partner event with the first answer and no second effect', async () => {
    const input = returnCaseInput();
    await harness.startReturn(input);
    await harness.waitForStatus(input.caseId, 'label_issued');
    const trackingNumber = (await harness.records(input.caseId)).labels[0]!.trackingNumber;
    const scan = { step: 'picked_up', partner: { kind: 'carrier' as const, id: 'sim-carrier' }, data: { trackingNumber }, eventId: 'scan-1' };

    expect(await harness.partnerStep(input.caseId, scan)).toEqual({ status: 'in_transit' });
    expect(await harness.partnerStep(input.caseId, scan)).toEqual({ status: 'in_transit' });
    const pickups = (await harness.timelineTypes(input.caseId)).filter((t) => t === 'parcel.picked_up');
    expect(pickups).toHaveLength(1);
  });
});

describe('exchange workflow', () => {
  it('reserves and ships the replacement, charges the price difference, and closes as exchanged', async () => {
    await harness.seedCatalog({ sku: 'SHOE-43', unitPrice: 9_500 });
    const input = returnCaseInput({
      type: 'exchange',
      items: [{ sku: 'SHOE-42', quantity: 1, condition: 'unopened', replacementSku: 'SHOE-43' }],
    });
    const handle = await harness.startReturn(input);
    await harness.deliverParcel(input.caseId);

    expect(await handle.result()).toEqual({ outcome: 'exchanged' });
    const records = await harness.records(input.caseId);
    expect(records.reservations.map((r) => r.sku)).toEqual(['SHOE-43']);
    expect(records.shipments.map((s) => s.sku)).toEqual(['SHOE-43']);
    expect(records.charges).toEqual([expect.objectContaining({ amount: 1_500 })]);
    expect(records.refunds).toHaveLength(0);
    const timeline = await harness.timelineTypes(input.caseId);
    expect(timeline).toContain('replacement.shipped');
  });

  it('undoes a half-done exchange when a replacement is out of stock and refunds instead', async () => {
    const input = returnCaseInput({
      type: 'exchange',
      items: [
        { sku: 'SHOE-42', quantity: 1, condition: 'unopened', replacementSku: 'SHOE-43' },
        { sku: 'SOCK-M', quantity: 1, condition: 'unopened', replacementSku: 'OOS-SOCK-L' },
      ],
    });
    const handle = await harness.startReturn(input);
    await harness.deliverParcel(input.caseId);

    expect(await handle.result()).toEqual({ outcome: 'refunded' });
    const records = await harness.records(input.caseId);
    expect(records.releases).toHaveLength(1);
    expect(records.cancelledShipments).toHaveLength(1);
    expect(records.refunds).toEqual([expect.objectContaining({ amount: 9_000 })]);
    await eventually(async () => expect(await harness.timelineTypes(input.caseId)).toContain('exchange.failed'));
  });
});
