import { randomUUID } from 'node:crypto';
import { seconds } from '../../../config/policies/duration';
import { findArticle, publishArticle } from '../../../db/knowledgeArticles';
import { getTimeline } from '../../../db/caseQueries';
import { seedKnowledgeBase } from '../../../db/seedKnowledge';
import { repairCaseInput } from '../../support/repairCases';
import { eventually } from '../../support/eventually';
import { WorkflowHarness } from '../../support/workflowHarness';

let harness: WorkflowHarness;
beforeAll(async () => {
  harness = await WorkflowHarness.start('repair-workflow');
  // The local stack's articles, as npm start publishes them; publishing them again adds nothing.
  await seedKnowledgeBase(harness.pool);
});
afterAll(async () => {
  await harness?.close();
});

const acme = { kind: 'supplier' as const, id: 'acme-repairs' };
const customerOf = (input: { customer: { id: string } }) => ({ kind: 'customer' as const, id: input.customer.id });

function supplier(caseId: string, step: string, data: Record<string, unknown> = {}, partner = acme, eventId?: string) {
  return harness.partnerStep(caseId, { step, partner, data, eventId });
}

async function scoredSteps(caseId: string): Promise<string[]> {
  const { rows } = await harness.pool.query<{ step: string }>(
    'SELECT step FROM supplier_steps WHERE case_id = $1 ORDER BY completed_at',
    [caseId],
  );
  return rows.map((r) => r.step);
}

/** Troubleshooting did not help: the case goes on to the supplier. */
async function pastTroubleshooting(input: ReturnType<typeof repairCaseInput>) {
  const handle = await harness.startRepair(input);
  await harness.waitForStatus(input.caseId, 'troubleshooting');
  expect(await harness.action(input.caseId, 'not_fixed', customerOf(input))).toEqual({ status: 'repair_ordered' });
  return handle;
}

describe('repair workflow', () => {
  it('repairs an in-warranty phone at the supplier, step by step, and closes when the customer confirms', async () => {
    const input = repairCaseInput();
    const handle = await pastTroubleshooting(input);

    expect(await supplier(input.caseId, 'received')).toEqual({ status: 'at_supplier' });
    expect(await supplier(input.caseId, 'diagnosed', { diagnosis: 'loose battery connector' })).toEqual({ status: 'repairing' });
    expect(await supplier(input.caseId, 'repaired')).toEqual({ status: 'awaiting_ship_back' });
    expect(await supplier(input.caseId, 'shipped_back', { trackingNumber: 'BACK-1' })).toEqual({ status: 'shipped_back' });
    expect(await harness.action(input.caseId, 'confirm', customerOf(input))).toEqual({ status: 'closed' });

    expect(await handle.result()).toEqual({ outcome: 'repaired' });
    expect((await harness.records(input.caseId)).charges).toHaveLength(0);
    expect(await scoredSteps(input.caseId)).toEqual(['received', 'diagnosed', 'repaired', 'shipped_back']);
    const timeline = await harness.timelineTypes(input.caseId);
    expect(timeline).toEqual(expect.arrayContaining(['warranty.checked', 'troubleshooting.offered', 'repair.ordered', 'receipt.confirmed']));
    expect((await harness.caseRecord(input.caseId)).details).toMatchObject({ supplierId: 'acme-repairs', inWarranty: true });
  });

  it('closes as resolved remotely, with no shipment, when troubleshooting fixes it', async () => {
    const input = repairCaseInput();
    const handle = await harness.startRepair(input);
    await harness.waitForStatus(input.caseId, 'troubleshooting');

    expect(await harness.action(input.caseId, 'fixed', customerOf(input))).toEqual({ status: 'closed' });
    expect(await handle.result()).toEqual({ outcome: 'resolved_remotely' });
    expect((await harness.caseRecord(input.caseId)).resolution).toBe('automated');
    expect((await harness.records(input.caseId)).repairOrders ?? []).toHaveLength(0);
  });

  it('charges an approved out-of-warranty quote, then closes by itself after shipping back', async () => {
    const input = repairCaseInput({ purchasedMonthsAgo: 30 });
    const handle = await pastTroubleshooting(input);
    await supplier(input.caseId, 'received');
    const quote = { amount: 12_900, currency: 'EUR' };
    expect(await supplier(input.caseId, 'diagnosed', { diagnosis: 'cracked screen', quote })).toEqual({
      status: 'awaiting_quote_approval',
    });
    expect(await harness.action(input.caseId, 'approve-quote', customerOf(input))).toEqual({ status: 'repairing' });
    await supplier(input.caseId, 'repaired');
    await supplier(input.caseId, 'shipped_back', { trackingNumber: 'BACK-2' });

    expect(await handle.result()).toEqual({ outcome: 'repaired' });
    expect((await harness.records(input.caseId)).charges).toEqual([expect.objectContaining({ amount: 12_900 })]);
    expect(await harness.timelineTypes(input.caseId)).toContain('receipt.assumed');
    expect((await harness.caseRecord(input.caseId)).details.inWarranty).toBe(false);
  });

  it('ships the item back unrepaired when the customer declines the quote', async () => {
    const input = repairCaseInput({ purchasedMonthsAgo: 30 });
    const handle = await pastTroubleshooting(input);
    await supplier(input.caseId, 'received');
    await supplier(input.caseId, 'diagnosed', { quote: { amount: 30_000, currency: 'EUR' } });
    expect(await harness.action(input.caseId, 'decline-quote', customerOf(input), { reason: 'too dear' })).toEqual({
      status: 'awaiting_ship_back',
    });
    await supplier(input.caseId, 'shipped_back', { trackingNumber: 'BACK-3' });

    expect(await handle.result()).toEqual({ outcome: 'returned_unrepaired' });
    expect((await harness.records(input.caseId)).charges).toHaveLength(0);
  });

  it('sends a replacement from stock when the supplier cannot repair it', async () => {
    const input = repairCaseInput();
    const handle = await pastTroubleshooting(input);
    await supplier(input.caseId, 'received');
    await supplier(input.caseId, 'diagnosed', { diagnosis: 'water damage on the board' });
    await supplier(input.caseId, 'unrepairable');

    expect(await handle.result()).toEqual({ outcome: 'replaced' });
    const records = await harness.records(input.caseId);
    expect(records.shipments.map((s) => s.sku)).toEqual(['PHONE-X']);
    expect(records.refunds).toHaveLength(0);
  });

  it('refunds the price paid when an unrepairable product is out of stock', async () => {
    const input = repairCaseInput({ item: { sku: 'OOS-PHONE-Z' } });
    const handle = await pastTroubleshooting(input);
    await supplier(input.caseId, 'received');
    await supplier(input.caseId, 'diagnosed');
    await supplier(input.caseId, 'unrepairable');

    expect(await handle.result()).toEqual({ outcome: 'refunded' });
    expect((await harness.records(input.caseId)).refunds).toEqual([expect.objectContaining({ amount: 59_900 })]);
  });

  it('books a technician for a bulky product, reschedules on request (telling the customer of each booking), and closes on the visit outcome', async () => {
    const input = repairCaseInput({ item: { sku: 'FRIDGE-9', category: 'large_appliance' } });
    const handle = await harness.startRepair(input);
    const firstVisit = await eventually(async () => {
      const visit = (await harness.caseRecord(input.caseId)).details.visit as { slotId: string } | undefined;
      expect(visit).toBeDefined();
      return visit!;
    });

    expect(await harness.action(input.caseId, 'reschedule', customerOf(input))).toEqual({ status: 'visit_scheduled' });
    const secondVisit = (await harness.caseRecord(input.caseId)).details.visit as { slotId: string };
    expect(secondVisit.slotId).not.toBe(firstVisit.slotId);
    const homeserve = { kind: 'supplier' as const, id: 'homeserve' };
    expect(await supplier(input.caseId, 'visit_completed', { outcome: 'repaired' }, homeserve)).toEqual({ status: 'closed' });

    expect(await handle.result()).toEqual({ outcome: 'repaired' });
    expect(await harness.timelineTypes(input.caseId)).toEqual(expect.arrayContaining(['visit.booked', 'visit.rescheduled']));
    const bookings = (await harness.records(input.caseId)).notifications.filter((n) => n.template === 'visit_booked');
    expect(bookings).toHaveLength(2);
  });

  it('refuses steps out of order, from another supplier, and takes a redelivered step once', async () => {
    const input = repairCaseInput();
    await pastTroubleshooting(input);

    await expect(supplier(input.caseId, 'diagnosed')).rejects.toMatchObject({
      cause: { type: 'InvalidTransition', details: [{ status: 'repair_ordered', allowed: ['received'] }] },
    });
    await expect(supplier(input.caseId, 'received', {}, { kind: 'supplier', id: 'soundfix' })).rejects.toMatchObject({
      cause: { type: 'UnknownPartner' },
    });
    const eventId = randomUUID();
    expect(await supplier(input.caseId, 'received', {}, acme, eventId)).toEqual({ status: 'at_supplier' });
    expect(await supplier(input.caseId, 'received', {}, acme, eventId)).toEqual({ status: 'at_supplier' });
    expect((await harness.timelineTypes(input.caseId)).filter((t) => t === 'supplier.received')).toHaveLength(1);
  });

  it('reminds a late supplier, then on breach tells supplier and operations, escalates, and scores the step late', async () => {
    const input = repairCaseInput({
      policy: { supplierResponseMs: { default: seconds(2), bySupplier: {} }, supplierReminderAt: 0.5 },
    });
    await pastTroubleshooting(input);

    await eventually(async () => expect(await harness.timelineTypes(input.caseId)).toContain('escalation.started'));
    expect((await harness.caseRecord(input.caseId)).breached).toBe(true);
    const escalation = harness.client.workflow.getHandle(`${input.caseId}:escalation:received`);
    expect((await escalation.describe()).type).toBe('escalation');
    await eventually(async () => {
      const messages = (await harness.records(input.caseId)).partyMessages ?? [];
      expect(messages.map((m) => `${m.audience}:${m.template}`)).toEqual(
        expect.arrayContaining([
          'supplier:supplier_step_reminder',
          'supplier:supplier_step_breached',
          'operations:supplier_step_breached',
          'operations:escalation_raised',
        ]),
      );
    });

    expect(await supplier(input.caseId, 'received')).toEqual({ status: 'at_supplier' });
    const { rows } = await harness.pool.query('SELECT on_time FROM supplier_steps WHERE case_id = $1', [input.caseId]);
    expect(rows).toEqual([{ on_time: false }]);
  });
});

describe('repair undo', () => {
  const quote = { amount: 12_900, currency: 'EUR' };

  /** Received, diagnosed with a quote, and the customer approves (and pays) it. */
  async function quoteApproved(input: ReturnType<typeof repairCaseInput>) {
    const handle = await pastTroubleshooting(input);
    await supplier(input.caseId, 'received');
    await supplier(input.caseId, 'diagnosed', { diagnosis: 'cracked screen', quote });
    expect(await harness.action(input.caseId, 'approve-quote', customerOf(input))).toEqual({ status: 'repairing' });
    return handle;
  }

  it('refunds the quote the customer paid when the product then proves unrepairable', async () => {
    const input = repairCaseInput({ purchasedMonthsAgo: 30 });
    const handle = await quoteApproved(input);
    await supplier(input.caseId, 'unrepairable');

    expect(await handle.result()).toEqual({ outcome: 'replaced' });
    const records = await harness.records(input.caseId);
    expect(records.charges).toEqual([expect.objectContaining({ amount: quote.amount })]);
    expect(records.refunds).toEqual([expect.objectContaining({ amount: quote.amount })]);
    expect(await harness.timelineTypes(input.caseId)).toContain('quote.refunded');
  });

  it('cancels the repair order and refunds the paid quote when a partner refuses for good', async () => {
    const input = repairCaseInput({
      purchasedMonthsAgo: 30,
      policy: { supplierResponseMs: { default: seconds(2), bySupplier: {} }, supplierReminderAt: 0.5 },
    });
    const handle = await quoteApproved(input);
    // The reminder to the supplier is refused for good, a second into the repair clock.
    await harness.injectFault('notifications.party', 1, { status: 422, caseId: input.caseId });

    expect(await handle.result()).toEqual({ outcome: 'failed' });
    const records = await harness.records(input.caseId);
    expect(records.refunds).toEqual([expect.objectContaining({ amount: quote.amount })]);
    expect(records.cancelledRepairOrders).toEqual([expect.objectContaining({ repairOrderId: records.repairOrders![0]!.repairOrderId })]);
    expect(await harness.timelineTypes(input.caseId)).toContain('case.failed');
  });

  it('cancels the repair order when the customer cancels while it is being placed', async () => {
    const input = repairCaseInput({ item: { sku: 'FRIDGE-2', category: 'large_appliance' } });
    // The supplier is down for two tries, so the order is placed about three seconds in.
    await harness.injectFault('suppliers.order', 2, { caseId: input.caseId });
    const handle = await harness.startRepair(input);
    await harness.waitForStatus(input.caseId, 'requested');

    expect(await harness.action(input.caseId, 'cancel', customerOf(input), { reason: 'bought a new one' })).toEqual({ status: 'closed' });
    expect(await handle.result()).toEqual({ outcome: 'cancelled_by_customer' });
    const records = await harness.records(input.caseId);
    expect(records.repairOrders).toHaveLength(1);
    expect(records.cancelledRepairOrders).toEqual([expect.objectContaining({ repairOrderId: records.repairOrders![0]!.repairOrderId })]);
  });

  it('raises its open escalation when a visit is late again, rather than starting another, and goes on', async () => {
    // Technicians come within seconds here, so the visit clock runs out while the test watches.
    const timed = await WorkflowHarness.start('repair-late-visits', { visitTimes: { firstInMs: 500, everyMs: 1_000, lengthMs: 500 } });
    try {
      const input = repairCaseInput({
        item: { sku: 'FRIDGE-3', category: 'large_appliance' },
        policy: {
          supplierResponseMs: { default: seconds(1), bySupplier: {} },
          escalation: { levels: [{ name: 'team_lead', ackWithinMs: seconds(60) }] },
        },
      });
      const handle = await timed.startRepair(input);
      const events = async (type: string) => (await timed.timelineTypes(input.caseId)).filter((t) => t === type);
      await eventually(async () => expect(await events('escalation.raised')).toHaveLength(1));
      await timed.action(input.caseId, 'reschedule', customerOf(input));
      // The one level there is is told again, with the second lateness as the reason.
      await eventually(async () => expect(await events('escalation.raised')).toHaveLength(2));
      expect(await events('escalation.started')).toHaveLength(1);

      const homeserve = { kind: 'supplier' as const, id: 'homeserve' };
      expect(await timed.partnerStep(input.caseId, { step: 'visit_completed', partner: homeserve, data: { outcome: 'repaired' } })).toEqual({
        status: 'closed',
      });
      expect(await handle.result()).toEqual({ outcome: 'repaired' });
    } finally {
      await timed.close();
    }
  });
});

describe('troubleshooting article', () => {
  const policyPhoneArticle = { title: 'Restart and reset network settings', url: 'https://help.example.com/kb/phone-reset' };

  async function offered(input: ReturnType<typeof repairCaseInput>) {
    const handle = await harness.startRepair(input);
    await harness.waitForStatus(input.caseId, 'troubleshooting');
    const event = (await getTimeline(harness.pool, input.caseId)).find((e) => e.type === 'troubleshooting.offered');
    const message = await eventually(async () => {
      const { notifications } = (await harness.records(input.caseId)) as unknown as {
        notifications: { template: string; language: string; data: Record<string, unknown> }[];
      };
      const guide = notifications.find((n) => n.template === 'troubleshooting_guide');
      expect(guide).toBeDefined();
      return guide!;
    });
    return { handle, event: event?.data, message };
  }

  /** Counts the orchestrator made for this case, whatever else counts on the same article. */
  async function countsOf(caseId: string) {
    const { rows } = await harness.pool.query<{ article_id: string; answered: boolean }>(
      "SELECT article_id, answered FROM knowledge_feedback_requests WHERE caller = 'orchestrator' AND idempotency_key LIKE $1",
      [`${caseId}:%`],
    );
    return rows;
  }

  it("sends the knowledge base's article for the customer's description, in their language, and says which on the timeline", async () => {
    const input = repairCaseInput();
    input.customer.language = 'zh-CN';
    input.problem = '我的手机充不进电';
    const { version } = (await findArticle(harness.pool, 'phone-not-charging'))!;

    const { event, message } = await offered(input);

    expect(event).toMatchObject({ source: 'knowledge_base', articleId: 'phone-not-charging', version, article: '手机无法充电' });
    expect(event!.score).toBeGreaterThanOrEqual(input.policy.troubleshootingMinConfidence!);
    expect(message).toMatchObject({
      language: 'zh-CN',
      data: { articleId: 'phone-not-charging', version, title: '手机无法充电', locale: 'zh-CN', body: expect.stringContaining('充电口') },
    });
  });

  it.each([
    ['fixed', { answered: 1, notAnswered: 0 }, 'closed'],
    ['not_fixed', { answered: 0, notAnswered: 1 }, 'repair_ordered'],
  ] as const)('counts %s once on the version of the article the customer was sent', async (action, counters, status) => {
    // An article of its own, about a product of its own, so no other case counts on it.
    const id = randomUUID().slice(0, 8);
    const sku = `PHONE-T${id}`;
    const articleId = `test-phone-hot-${id}`;
    await publishArticle(harness.pool, {
      id: articleId,
      category: 'phone',
      skus: [sku],
      translations: [
        { locale: 'en', title: 'Phone gets hot while charging', body: 'Take it out of its case and charge it on a hard surface.' },
        { locale: 'zh-CN', title: '手机充电时发烫', body: '取下手机壳，放在坚硬的桌面上充电。' },
      ],
    });
    const input = repairCaseInput({ item: { sku } });
    input.problem = 'my phone gets very hot when charging';

    const { handle, event } = await offered(input);
    expect(event).toMatchObject({ source: 'knowledge_base', articleId, version: 1 });
    expect(await harness.action(input.caseId, action, customerOf(input))).toEqual({ status });
    if (action === 'fixed') expect(await handle.result()).toEqual({ outcome: 'resolved_remotely' });

    await eventually(async () => expect(await countsOf(input.caseId)).toHaveLength(1));
    const article = await findArticle(harness.pool, articleId, 1);
    expect({ answered: article!.answered, notAnswered: article!.notAnswered }).toEqual(counters);
  });

  it.each([
    ['en', 'does not turn on', 'below_threshold'],
    ['zh-CN', '屏幕摔碎了', 'no_match'],
  ] as const)("sends the policy's article when no article is sure enough (%s: %s), and counts nothing", async (language, problem, reason) => {
    const input = repairCaseInput();
    input.customer.language = language;
    input.problem = problem;

    const { handle, event, message } = await offered(input);

    expect(event).toMatchObject({ source: 'policy', article: policyPhoneArticle.title, reason });
    expect(event).not.toHaveProperty('articleId');
    expect(message.data).toMatchObject(policyPhoneArticle);
    expect(message.data).not.toHaveProperty('articleId');
    await harness.action(input.caseId, 'fixed', customerOf(input));
    expect(await handle.result()).toEqual({ outcome: 'resolved_remotely' });
    expect(await countsOf(input.caseId)).toEqual([]);
  });

  it("sends the policy's article, unsearched, on a case pinned to a policy from before the threshold", async () => {
    const input = repairCaseInput({ policy: { troubleshootingMinConfidence: undefined } });
    input.problem = "my phone won't charge";

    const { event, message } = await offered(input);

    expect(event).toMatchObject({ source: 'policy', article: policyPhoneArticle.title, reason: 'not_searched' });
    expect(message.data).toMatchObject(policyPhoneArticle);
  });

  it('troubleshoots a category the policy has no article for when the knowledge base has one, and skips it when neither has', async () => {
    const vacuum = repairCaseInput({ item: { sku: 'VACUUM-5', category: 'small_appliance' } });
    vacuum.problem = 'the vacuum has weak suction';
    const { event } = await offered(vacuum);
    expect(event).toMatchObject({ source: 'knowledge_base', articleId: 'vacuum-weak-suction' });

    const blender = repairCaseInput({ item: { sku: 'BLENDER-2', category: 'small_appliance' } });
    blender.problem = 'smells of burning and stops after a few seconds';
    await harness.startRepair(blender);
    await harness.waitForStatus(blender.caseId, 'repair_ordered');
    expect(await harness.timelineTypes(blender.caseId)).not.toContain('troubleshooting.offered');
  });
});
