import type { Principal } from '../../api/auth/tokens';
import type { Stack } from '../../scripts/stack';
import { eventually } from '../support/eventually';
import { returnRequest, suggestionRequest } from '../support/requests';
import { ApiClient, startTestStack } from '../support/stackHarness';

let stack: Stack;
let api: ApiClient;
beforeAll(async () => {
  stack = await startTestStack('e2e-suggestions');
  api = new ApiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

/** Agents who work one team's queue: the work item's queue lets them reach the case. */
const opsAgent: Principal = { sub: 'agent-ops-e2e', role: 'agent', queues: ['operations'] };
const productAgent: Principal = { sub: 'agent-product-e2e', role: 'agent', queues: ['product'] };

/** A fresh customer with an order of a jacket and caps, as the systems of record know them. */
function customerWithOrder(language: 'zh-CN' | 'en') {
  const { customer, orderId } = returnRequest({}, { language });
  return { customer, orderId: orderId! };
}

async function workItemsOf(caseId: string, queue: string): Promise<Record<string, unknown>[]> {
  const res = await api.get(`/v1/work-items?queue=${queue}`);
  expect(res.status).toBe(200);
  return (res.body.items as Record<string, unknown>[]).filter((item) => item.caseId === caseId);
}

describe('a suggestion, entirely over HTTP', () => {
  it('is routed from Chinese words to operations, acknowledged in Chinese, answered by staff, and surveyed', async () => {
    const { customer: ref, orderId } = customerWithOrder('zh-CN');
    const customer = api.as({ sub: ref.id, role: 'customer' });
    const created = await customer.createCase(
      suggestionRequest({ customer: ref, orderId, sku: 'JACKET-M', channel: 'mini_program', text: '希望快递能用纸箱包装，少用塑料。' }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'suggestion', status: 'received', orderId });
    const caseId = created.body.id as string;

    const items = await eventually(async () => {
      const found = await workItemsOf(caseId, 'operations');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(items[0]).toMatchObject({ kind: 'answer_operations_suggestion', status: 'with_operations', type: 'suggestion' });
    expect(await workItemsOf(caseId, 'product')).toEqual([]);
    const acknowledged = (await api.records(caseId)).notifications.find((n) => n.template === 'suggestion_acknowledged');
    expect(acknowledged).toMatchObject({ language: 'zh-CN' });

    expect((await customer.post(`/v1/cases/${caseId}/actions/answer`, { text: '我自己回答' })).status).toBe(403);
    expect((await api.as(productAgent).post(`/v1/cases/${caseId}/actions/answer`, { text: 'not ours' })).status).toBe(404);
    expect((await api.as(opsAgent).get(`/v1/cases?type=suggestion`)).body.items.map((c: { id: string }) => c.id)).toContain(caseId);
    expect((await api.as(opsAgent).post(`/v1/cases/${caseId}/actions/answer`, { text: '谢谢，下个月起改用纸箱。' })).body.status).toBe('closed');

    const closed = await api.waitForClosed(caseId);
    expect(closed).toMatchObject({ outcome: 'answered', details: { topic: 'delivery', answerQueue: 'operations' } });
    expect(await api.timelineTypes(caseId)).toEqual(
      expect.arrayContaining(['case.requested', 'suggestion.classified', 'suggestion.acknowledged', 'suggestion.routed', 'suggestion.answered', 'case.closed']),
    );
    await eventually(async () => {
      const templates = (await api.records(caseId)).notifications.map((n) => n.template);
      expect(templates).toEqual(expect.arrayContaining(['suggestion_answered', 'feedback_request']));
    });
    expect(await workItemsOf(caseId, 'operations')).toEqual([]);
  });

  it('refuses a product the named order does not hold, and opens nothing', async () => {
    const { customer: ref, orderId } = customerWithOrder('en');
    const customer = api.as({ sub: ref.id, role: 'customer' });
    const refused = await customer.createCase(suggestionRequest({ customer: ref, orderId, sku: 'KETTLE-1' }));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'sku' })]);
    const mine = await customer.get('/v1/cases?type=suggestion');
    expect(mine.body.items).toEqual([]);
  });
});
