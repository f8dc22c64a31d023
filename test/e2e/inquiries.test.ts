import type { Principal } from '../../api/auth/tokens';
import type { Stack } from '../../scripts/stack';
import { eventually } from '../support/eventually';
import { inquiryRequest, returnRequest } from '../support/requests';
import { ApiClient, startTestStack } from '../support/stackHarness';

let stack: Stack;
let api: ApiClient;
beforeAll(async () => {
  stack = await startTestStack('e2e-inquiries');
  api = new ApiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

/** An agent of the inquiries queue: the hand-over's work item and its case are theirs to reach. */
const inquiryAgent: Principal = { sub: 'agent-inquiries-e2e', role: 'agent', queues: ['inquiries'] };

/** A fresh customer with an order (a jacket and caps, delivered three days ago) and a client acting as them. */
function customerWithOrder(language: 'zh-CN' | 'en') {
  const { customer, orderId } = returnRequest({}, { language });
  return { ref: customer, orderId: orderId!, client: api.as({ sub: customer.id, role: 'customer' }) };
}

async function templatesSent(caseId: string): Promise<string[]> {
  return (await api.records(caseId)).notifications.map((n) => n.template);
}

describe('an inquiry, entirely over HTTP', () => {
  it('answers from the knowledge base, goes to a person when it did not help, and becomes a return linked both ways', async () => {
    const { ref, orderId, client } = customerWithOrder('en');
    const created = await client.createCase(inquiryRequest({ customer: ref, question: 'When will my refund arrive?' }));
    expect(created.status).toBe(201);
    const inquiryId = created.body.id as string;
    await client.waitForStatus(inquiryId, 'awaiting_confirmation');
    // The record trails the workflow's own view by a moment.
    const answered = await eventually(async () => {
      const { body } = await client.get(`/v1/cases/${inquiryId}`);
      expect(body.details).toMatchObject({ topic: 'policy', firstResponse: { source: 'knowledge_base', articleId: 'refund-timing' } });
      return body;
    });
    expect(answered.details.firstResponse.afterMs).toBeLessThan(30_000);
    expect(await templatesSent(inquiryId)).toContain('inquiry_answered_automatically');

    expect((await client.post(`/v1/cases/${inquiryId}/actions/not_helped`, { note: 'I returned the caps, not the jacket' })).body.status).toBe('with_agent');
    const item = await eventually(async () => {
      const res = await api.as(inquiryAgent).get('/v1/work-items?queue=inquiries');
      const mine = (res.body.items as Record<string, unknown>[]).filter((i) => i.caseId === inquiryId);
      expect(mine).toHaveLength(1);
      return mine[0]!;
    });
    expect(item).toMatchObject({ kind: 'answer_inquiry', status: 'with_agent' });

    // The agent on the phone opens the return it turns out to be, through the same intake.
    const agent = api.as(inquiryAgent);
    const returnBody = returnRequest({ customer: ref, orderId, channel: 'phone' });
    const key = `convert-${inquiryId}`;
    const converted = await agent.convertCase(inquiryId, returnBody, key);
    expect(converted.status).toBe(201);
    expect(converted.body).toMatchObject({
      type: 'return',
      orderId,
      details: { convertedFrom: { caseId: inquiryId, type: 'inquiry', question: 'When will my refund arrive?' } },
    });
    const returnId = converted.body.id as string;

    const inquiry = await api.waitForClosed(inquiryId);
    expect(inquiry).toMatchObject({ outcome: 'converted', resolution: 'human', details: { convertedTo: { caseId: returnId, type: 'return' } } });
    await eventually(async () => expect(await templatesSent(inquiryId)).toContain('inquiry_converted'));
    // Its workflow runs, though the agent who opened it works no returns queue (its live view answers).
    await eventually(async () => expect((await client.get(`/v1/cases/${returnId}`)).body.live).toEqual(expect.objectContaining({ status: expect.any(String) })));

    // The same request again is the same case; another conversion is refused and opens nothing.
    const replayed = await agent.convertCase(inquiryId, returnBody, key);
    expect({ status: replayed.status, id: replayed.body.id, replayed: replayed.headers.get('idempotent-replayed') }).toEqual({
      status: 201,
      id: returnId,
      replayed: 'true',
    });
    const again = await agent.convertCase(inquiryId, { ...returnBody, reason: 'other' }, 'another');
    expect(again).toMatchObject({ status: 409, body: { type: expect.stringContaining('already-converted'), convertedTo: { caseId: returnId } } });
    const cases = await client.get('/v1/cases');
    expect((cases.body.items as { type: string }[]).map((c) => c.type).sort()).toEqual(['inquiry', 'return']);
  });

  it('answers where an order is from the order system and closes resolved automatically on the customer’s word', async () => {
    const { ref, orderId, client } = customerWithOrder('zh-CN');
    const created = await client.createCase(inquiryRequest({ customer: ref, orderId, channel: 'phone', question: '我的订单物流到哪了？' }));
    const inquiryId = created.body.id as string;
    await client.waitForStatus(inquiryId, 'awaiting_confirmation');
    const status = (await api.records(inquiryId)).notifications.find((n) => n.template === 'inquiry_order_status');
    expect(status).toMatchObject({ language: 'zh-CN' });
    expect((await client.post(`/v1/cases/${inquiryId}/actions/helped`, {})).body.status).toBe('closed');
    expect(await api.waitForClosed(inquiryId)).toMatchObject({ outcome: 'answered_automatically', resolution: 'automated' });
  });

  it('refuses conversions it must not make, and changes nothing', async () => {
    const { ref, client } = customerWithOrder('en');
    const created = await client.createCase(inquiryRequest({ customer: ref }));
    const inquiryId = created.body.id as string;
    await client.waitForStatus(inquiryId, 'with_agent');
    const other = customerWithOrder('en');
    const convert = (by: ApiClient, body: unknown) => by.convertCase(inquiryId, body);

    const intoSuggestion = await convert(client, { type: 'suggestion', channel: 'web', customer: ref, text: 'an idea' });
    expect(intoSuggestion).toMatchObject({ status: 422, body: { errors: [expect.objectContaining({ path: 'type' })] } });
    const forOther = await convert(api, returnRequest({ customer: other.ref, orderId: other.orderId }));
    expect(forOther).toMatchObject({ status: 422, body: { errors: [expect.objectContaining({ path: 'customer.id' })] } });
    expect((await convert(other.client, returnRequest({ customer: other.ref, orderId: other.orderId }))).status).toBe(404);
    expect((await convert(client, returnRequest({ customer: ref, orderId: other.orderId }))).body.type).toContain('order-not-found');
    // The conversion's own action has no route: nobody links a case to another by hand.
    const direct = await api.post(`/v1/cases/${inquiryId}/actions/converted`, { caseId: 'case_x', type: 'return' });
    expect(direct.status).toBe(404);

    const view = await api.get(`/v1/cases/${inquiryId}`);
    expect(view.body).toMatchObject({ status: 'with_agent', outcome: null });
    expect(view.body.details.convertedTo).toBeUndefined();
    expect((await client.get('/v1/cases')).body.items).toHaveLength(1);
  });
});
