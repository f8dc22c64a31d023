import { randomUUID } from 'node:crypto';
import { seconds } from '../../../config/policies/duration';
import { findArticle, publishArticle } from '../../../db/knowledgeArticles';
import { seedKnowledgeBase } from '../../../db/seedKnowledge';
import { listWorkItems } from '../../../db/workItems';
import type { Language } from '../../../domain/customer';
import type { InquiryCaseInput } from '../../../workflows/inquiries/input';
import { inquiryPolicy, type InquiryPolicy } from '../../../workflows/inquiries/policy';
import { eventually } from '../../support/eventually';
import { testFeedbackPolicy } from '../../support/feedbackPolicies';
import { testSlaPolicy, withTarget } from '../../support/slaPolicies';
import { WorkflowHarness } from '../../support/workflowHarness';

let harness: WorkflowHarness;
beforeAll(async () => {
  harness = await WorkflowHarness.start('inquiry-workflow');
  await seedKnowledgeBase(harness.pool);
});
afterAll(async () => {
  await harness?.close();
});

const policy: InquiryPolicy = { ...inquiryPolicy.profiles.standard, version: 'inquiries/test' };
const agent = { kind: 'agent' as const, id: 'agent-ana' };

function inquiryInput(question: string, opts: Partial<Pick<InquiryCaseInput, 'orderId' | 'sku' | 'sla' | 'policy'>> & { language?: Language } = {}): InquiryCaseInput {
  const { language, ...rest } = opts;
  return {
    caseId: `case-inquiry-${randomUUID()}`,
    type: 'inquiry',
    channel: 'app',
    customer: { id: `cust-${randomUUID().slice(0, 8)}`, segment: 'standard', language: language ?? 'en', advisorId: null },
    feedback: testFeedbackPolicy,
    question,
    policy,
    sla: testSlaPolicy,
    requestedAt: new Date().toISOString(),
    ...rest,
  };
}

type Sent = { template: string; language?: string; data: Record<string, unknown> };
async function sent(caseId: string, template: string): Promise<Sent[]> {
  return ((await harness.records(caseId)).notifications as unknown as Sent[]).filter((m) => m.template === template);
}

async function counters(articleId: string) {
  const article = await findArticle(harness.pool, articleId);
  return { answered: article!.answered, notAnswered: article!.notAnswered };
}

async function events(caseId: string, type: string) {
  const { rows } = await harness.pool.query<{ at: string; data: Record<string, unknown> }>(
    'SELECT at, data FROM case_events WHERE case_id = $1 AND type = $2 ORDER BY seq',
    [caseId, type],
  );
  return rows;
}

/**
 * An article of its own, about a product of its own, so no other test (the integrator's guide
 * asks the seeded ones) counts on it while this one reads its counters. Questions about that
 * product find it among the articles about no product in particular.
 */
async function privateArticle(translations: { locale: Language; title: string; body: string }[]) {
  const id = randomUUID().slice(0, 8);
  const sku = `FAN-T${id}`;
  const articleId = `test-fan-${id}`;
  await publishArticle(harness.pool, { id: articleId, category: 'small_appliance', skus: [sku], translations });
  return { articleId, sku };
}

describe('inquiry workflow', () => {
  it('answers where an order is from the order system, in Chinese, and closes answered automatically when the customer says it helped', async () => {
    const input = inquiryInput('我的快递到哪了？', { language: 'zh-CN', orderId: `order-${randomUUID().slice(0, 8)}` });
    const purchasedAt = new Date(Date.now() - seconds(86_400)).toISOString();
    await harness.seedOrder({
      id: input.orderId!,
      customerId: input.customer.id,
      currency: 'EUR',
      purchasedAt,
      deliveredAt: null,
      lines: [{ sku: 'JACKET-M', quantity: 1, unitPrice: 8900 }],
    });
    const handle = await harness.startInquiry(input);
    await harness.waitForStatus(input.caseId, 'awaiting_confirmation');

    expect(await sent(input.caseId, 'inquiry_order_status')).toEqual([
      expect.objectContaining({ language: 'zh-CN', data: expect.objectContaining({ orderId: input.orderId, status: 'on_its_way', deliveredAt: null }) }),
    ]);
    const record = await harness.caseRecord(input.caseId);
    expect(record.details).toMatchObject({ topic: 'order_status', firstResponse: { source: 'order_system' } });
    // Measured from intake: well inside the 30 s target.
    expect((record.details.firstResponse as { afterMs: number }).afterMs).toBeLessThan(policy.confirmWithinMs);
    expect((record.details.firstResponse as { afterMs: number }).afterMs).toBeLessThan(seconds(30));

    expect(await harness.action(input.caseId, 'helped', { kind: 'customer', id: input.customer.id })).toEqual({ status: 'closed' });
    expect(await handle.result()).toEqual({ outcome: 'answered_automatically' });
    const closed = await harness.caseRecord(input.caseId);
    expect(closed).toMatchObject({ outcome: 'answered_automatically', resolution: 'automated', details: { helped: true } });
    const { rows } = await harness.pool.query(
      'SELECT staff_acted, first_response_by, sla_clocks, sla_breached FROM case_facts WHERE case_id = $1',
      [input.caseId],
    );
    expect(rows).toEqual([{ staff_acted: false, first_response_by: 'orchestrator', sla_clocks: ['first_response'], sla_breached: [] }]);
  });

  it('sends a confident article, counts the customer’s "not helped" on it once, and closes when a person answers within the solution clock', async () => {
    const title = 'Refund for a desk fan returned in its box';
    const { articleId, sku } = await privateArticle([{ locale: 'en', title, body: 'Refunds for boxed fans are paid within five days of receipt.' }]);
    const input = inquiryInput('Refund for a desk fan returned in its box?', { sku });
    const handle = await harness.startInquiry(input);
    await harness.waitForStatus(input.caseId, 'awaiting_confirmation');

    const [answer] = await sent(input.caseId, 'inquiry_answered_automatically');
    expect(answer).toMatchObject({ language: 'en', data: { articleId, title } });
    expect((await harness.caseRecord(input.caseId)).details).toMatchObject({
      topic: 'policy',
      firstResponse: { source: 'knowledge_base', articleId, confidence: expect.any(Number) },
    });

    await harness.action(input.caseId, 'not_helped', { kind: 'customer', id: input.customer.id }, { note: 'It has been three weeks' });
    await harness.waitForStatus(input.caseId, 'with_agent');
    const handedOver = await events(input.caseId, 'inquiry.handed_over');
    expect(handedOver).toEqual([expect.objectContaining({ data: { reason: 'not_helped' } })]);
    // The person's answer is due one solution target after the hand-over: 30 min under the test SLA policy.
    const target = testSlaPolicy.rules.find((r) => r.clock === 'solution' && r.match.caseType === 'inquiry')!.targetMs;
    const items = (await listWorkItems(harness.pool, { limit: 1000 })).filter((item) => item.caseId === input.caseId);
    expect(items).toEqual([expect.objectContaining({ kind: 'answer_inquiry', queue: 'inquiries' })]);
    const due = Date.parse(items[0]!.dueAt!) - Date.parse(handedOver[0]!.at);
    expect(due).toBeGreaterThanOrEqual(target - seconds(1));
    expect(due).toBeLessThanOrEqual(target + seconds(1));
    expect(await sent(input.caseId, 'inquiry_handed_over')).toHaveLength(1);

    expect(await harness.action(input.caseId, 'answer', agent, { text: 'Your refund left us today; banks take 3–5 days.' })).toEqual({ status: 'closed' });
    expect(await handle.result()).toEqual({ outcome: 'answered' });
    expect(await harness.caseRecord(input.caseId)).toMatchObject({ resolution: 'human', details: { helped: false } });
    expect(await sent(input.caseId, 'inquiry_answered')).toEqual([expect.objectContaining({ data: { answer: 'Your refund left us today; banks take 3–5 days.' } })]);
    expect(await counters(articleId)).toEqual({ answered: 0, notAnswered: 1 });
  });

  it('counts "helped" on the article, and counts nothing when the customer stays silent', async () => {
    const { articleId, sku } = await privateArticle([
      { locale: 'en', title: 'Desk fan rattles', body: 'Tighten the grille clips.' },
      { locale: 'zh-CN', title: '台式风扇有咔咔声', body: '请拧紧网罩卡扣。' },
    ]);
    const helped = inquiryInput('台式风扇有咔咔声', { language: 'zh-CN', sku });
    const helpedRun = await harness.startInquiry(helped);
    await harness.waitForStatus(helped.caseId, 'awaiting_confirmation');
    expect((await sent(helped.caseId, 'inquiry_answered_automatically'))[0]).toMatchObject({ language: 'zh-CN', data: { articleId, title: '台式风扇有咔咔声' } });
    await harness.action(helped.caseId, 'helped', { kind: 'customer', id: helped.customer.id });
    expect(await helpedRun.result()).toEqual({ outcome: 'answered_automatically' });
    expect(await counters(articleId)).toEqual({ answered: 1, notAnswered: 0 });

    const silent = inquiryInput('台式风扇有咔咔声', { language: 'zh-CN', sku, policy: { ...policy, confirmWithinMs: seconds(2) } });
    const silentRun = await harness.startInquiry(silent);
    expect(await silentRun.result()).toEqual({ outcome: 'answered_automatically' });
    expect(await events(silent.caseId, 'inquiry.confirmed')).toEqual([expect.objectContaining({ data: { helped: true, answeredBy: 'silence' } })]);
    expect(await events(silent.caseId, 'inquiry.first_response')).toEqual([expect.objectContaining({ data: expect.objectContaining({ source: 'knowledge_base' }) })]);
    expect(await counters(articleId)).toEqual({ answered: 1, notAnswered: 0 });
  });

  it('hands a question no article answers to a person at once, and escalates when the solution target is missed, not before', async () => {
    const targetMs = seconds(3);
    const input = inquiryInput('Do you sell gift wrapping for the jacket?', { sla: withTarget(testSlaPolicy, 'solution', targetMs) });
    const handle = await harness.startInquiry(input);
    await harness.waitForStatus(input.caseId, 'with_agent');
    expect(await sent(input.caseId, 'inquiry_handed_over')).toEqual([expect.objectContaining({ data: { withinMs: targetMs } })]);
    expect((await harness.caseRecord(input.caseId)).details).toMatchObject({ topic: 'product', firstResponse: { source: 'person' } });
    // What the knowledge base said is written with the response, not as a write of its own.
    expect(await events(input.caseId, 'inquiry.first_response')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ source: 'person', knowledgeBase: expect.objectContaining({ confident: false }) }) }),
    ]);
    expect(await harness.timelineTypes(input.caseId)).not.toContain('inquiry.knowledge_searched');

    await eventually(async () => expect(await harness.timelineTypes(input.caseId)).toContain('escalation.started'), 20_000);
    const [handedOver] = await events(input.caseId, 'inquiry.handed_over');
    const [breach] = await events(input.caseId, 'sla.breached');
    expect(breach!.data).toEqual({ clock: 'solution', targetMs });
    const late = Date.parse(breach!.at) - Date.parse(handedOver!.at);
    expect(late).toBeGreaterThanOrEqual(targetMs);
    expect(late).toBeLessThan(targetMs + seconds(3));

    await harness.action(input.caseId, 'answer', agent, { text: 'Yes, at checkout for 3 EUR.' });
    expect(await handle.result()).toEqual({ outcome: 'answered' });
    const { rows } = await harness.pool.query('SELECT sla_clocks, sla_breached FROM case_facts WHERE case_id = $1', [input.caseId]);
    expect(rows).toEqual([{ sla_clocks: ['first_response', 'solution'], sla_breached: ['solution'] }]);
  });

  it('closes as converted with a link to the case it became', async () => {
    const input = inquiryInput('Do you sell gift wrapping for the jacket?');
    const handle = await harness.startInquiry(input);
    await harness.waitForStatus(input.caseId, 'with_agent');
    const link = { caseId: `case-return-${randomUUID()}`, type: 'return' };
    await harness.action(input.caseId, 'converted', agent, link);
    expect(await handle.result()).toEqual({ outcome: 'converted' });
    expect(await harness.caseRecord(input.caseId)).toMatchObject({ outcome: 'converted', details: { convertedTo: link } });
    expect(await sent(input.caseId, 'inquiry_converted')).toEqual([expect.objectContaining({ data: link })]);
  });
});
