import { randomUUID } from 'node:crypto';
import { repairRequest, returnRequest } from '../support/requests';
import { ApiHarness } from './support/apiHarness';

let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start('api-repairs');
});

afterAll(async () => {
  await api.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;
type RepairBody = ReturnType<typeof repairRequest>;
const repairActions = ['fixed', 'not_fixed', 'approve-quote', 'decline-quote', 'confirm', 'reschedule', 'cancel'];

describe('POST /v1/cases for a repair', () => {
  it('opens a repair case and starts the repair workflow', async () => {
    const body = repairRequest();
    const res = await api.createCase(body);

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'repair',
      channel: 'app',
      status: 'requested',
      details: { problem: body.problem, item: body.item },
    });
    expect(JSON.stringify(res.body)).not.toContain('@example.com');
    const read = await api.get(`/v1/cases/${res.body.id}`);
    expect(read.body.live).toMatchObject({ type: 'repair', status: 'troubleshooting', allowedActions: ['fixed', 'not_fixed', 'cancel'] });
  });

  it('claims the repaired order line, so a return of the same product waits for the repair', async () => {
    const repair = repairRequest();
    const first = await api.createCase(repair);
    const returned = await api.createCase(
      returnRequest({ customer: repair.customer, orderId: repair.orderId, items: [{ sku: 'PHONE-X', quantity: 1, condition: 'defective' }] }),
    );
    const otherLine = await api.createCase(
      returnRequest({ customer: repair.customer, orderId: repair.orderId, items: [{ sku: 'CASE-X', quantity: 1, condition: 'unopened' }] }),
    );

    expect(returned.status).toBe(409);
    expect(returned.body).toMatchObject({ type: problemType('line-conflict'), caseId: first.body.id, sku: 'PHONE-X' });
    expect(otherLine.status).toBe(201);
  });

  it('replays a repeated key with the same case', async () => {
    const body = repairRequest();
    const key = randomUUID();
    const first = await api.createCase(body, key);
    const again = await api.createCase(body, key);

    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
  });

  it.each([
    ['a product category claimed in the body', (b: RepairBody) => ({ ...b, item: { ...b.item, category: 'phone' } }), 'item.category'],
    ['an empty problem', (b: RepairBody) => ({ ...b, problem: '' }), 'problem'],
    ['a problem longer than 2000 characters', (b: RepairBody) => ({ ...b, problem: 'x'.repeat(2001) }), 'problem'],
    ['no product at all', (b: RepairBody) => ({ ...b, item: undefined }), 'item'],
  ])('answers 400 naming the field for %s', async (_name, change, path) => {
    const res = await api.createCase(change(repairRequest()));

    expect(res.status).toBe(400);
    expect(res.body.type).toBe(problemType('validation'));
    expect(res.body.errors).toContainEqual(expect.objectContaining({ in: 'body', path }));
  });

  it.each([
    ['a product that is not a line of the order', repairRequest({ item: { sku: 'PHONE-X' } }), 'TABLET-Z', 'is not a line of order'],
    ['a product of a kind this service does not repair', repairRequest({ item: { sku: 'SHOE-7' }, category: 'shoes' }), 'SHOE-7', 'does not repair'],
  ])('answers 422 naming item.sku for %s', async (_name, request, sku, says) => {
    const res = await api.createCase({ ...request, item: { ...request.item, sku } });

    expect(res.status).toBe(422);
    expect(res.body.type).toBe(problemType('not-on-order'));
    expect(res.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'item.sku', message: expect.stringContaining(says) })]);
  });

  it('answers 400 naming the type for a case type that does not exist', async () => {
    const res = await api.createCase(repairRequest({ type: 'teleport' }));

    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ in: 'body', path: 'type' }));
  });
});

describe('POST /v1/cases/:id/actions/:action on a repair', () => {
  it('closes the case when troubleshooting fixed the product', async () => {
    const caseId = await api.openCase(repairRequest());
    const res = await api.post(`/v1/cases/${caseId}/actions/fixed`, {});

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ caseId, status: 'closed' });
  });

  it('takes the repair actions in the order the case allows them, refusing the rest with 409', async () => {
    const caseId = await api.openCase(repairRequest());
    const early = await api.post(`/v1/cases/${caseId}/actions/approve-quote`, {});
    const notFixed = await api.post(`/v1/cases/${caseId}/actions/not_fixed`, { note: 'still black' });

    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      type: problemType('invalid-transition'),
      currentStatus: 'troubleshooting',
      allowedActions: ['fixed', 'not_fixed', 'cancel'],
    });
    expect(notFixed.body).toEqual({ caseId, status: 'repair_ordered' });
  });

  it('cancels a repair through the action returns share', async () => {
    const caseId = await api.openCase(repairRequest());
    const res = await api.request('POST', `/v1/cases/${caseId}/actions/cancel`);

    expect(res.status).toBe(200);
    expect(res.body.status).toBe('closed');
  });

  it.each([
    ['a return action', 'approve'],
    ['an action no case has', 'teleport'],
  ])('answers 404 listing the repair actions for %s', async (_name, action) => {
    const caseId = await api.openCase(repairRequest());
    const res = await api.post(`/v1/cases/${caseId}/actions/${action}`, {});

    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: problemType('unknown-action'), validActions: repairActions });
    expect(await api.liveStatus(caseId)).toBe('troubleshooting');
  });

  it('answers 404 listing the return actions for a repair action on a return', async () => {
    const caseId = await api.openCase(returnRequest());
    const res = await api.post(`/v1/cases/${caseId}/actions/approve-quote`, {});

    expect(res.status).toBe(404);
    expect(res.body.validActions).toEqual(['approve', 'reject', 'cancel', 'survey']);
  });

  it('answers 400 naming the field for a bad action body', async () => {
    const caseId = await api.openCase(repairRequest());
    const res = await api.post(`/v1/cases/${caseId}/actions/reschedule`, { slotId: '' });

    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'slotId' })]);
  });
});
