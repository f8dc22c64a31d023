import { complaints } from '../../workflows/complaints/definition';
import { complaintRequest, returnRequest } from '../support/requests';
import { ApiHarness } from './support/apiHarness';

let api: ApiHarness;

beforeAll(async () => {
  api = await ApiHarness.start('api-complaints');
});

afterAll(async () => {
  await api.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;
const agent = { sub: 'agent-complaints', role: 'agent' } as const;

/** A new customer's complaint, opened by the customer; the stand-in workflow starts it routed. */
async function openComplaint(overrides: Record<string, unknown> = {}) {
  const request = complaintRequest(overrides);
  const customer = api.as({ sub: request.customer.id, role: 'customer' });
  return { caseId: await customer.openCase(request), customer, request };
}

describe('POST /v1/cases for a complaint', () => {
  it('opens a complaint about no order in particular, at normal priority until it is classified', async () => {
    const request = complaintRequest();
    const created = await api.as({ sub: request.customer.id, role: 'customer' }).createCase(request);
    // The record starts in the complaint's own first status, not another process's.
    expect(created.body).toMatchObject({ status: 'opened' });
    const caseId = created.body.id as string;
    const res = await api.get(`/v1/cases/${caseId}`);

    expect(res.body).toMatchObject({
      type: 'complaint',
      orderId: null,
      priority: 'normal',
      details: { subject: request.subject, description: request.description },
    });
    expect(res.body.live.status).toBe('routed');
  });

  it('claims no order line: a return on the order it is about opens as well', async () => {
    const order = returnRequest();
    const { caseId } = await openComplaint({ customer: order.customer, orderId: order.orderId });

    expect((await api.get(`/v1/cases/${caseId}`)).body.orderId).toBe(order.orderId);
    expect((await api.createCase(order)).status).toBe(201);
  });

  it.each([
    ['a missing subject', { subject: undefined }, 'subject'],
    ['an empty description', { description: '' }, 'description'],
    ['a subject over 200 characters', { subject: 's'.repeat(201) }, 'subject'],
    ['a description over 5000 characters', { description: 'd'.repeat(5001) }, 'description'],
    ['a malformed order id', { orderId: 'order 7' }, 'orderId'],
    ['a customer without an id', { customer: {} as { id: string } }, 'customer.id'],
  ])('answers 400 naming the field for %s', async (_what, change, path) => {
    const res = await api.createCase(complaintRequest(change));

    expect(res.status).toBe(400);
    expect(res.body.type).toBe(problemType('validation'));
    expect(res.body.errors).toContainEqual(expect.objectContaining({ in: 'body', path }));
  });
});

describe('complaint actions', () => {
  it.each(['teleport', 'approve'])('answer 404 listing the complaint actions for "%s"', async (action) => {
    const { caseId } = await openComplaint();
    const res = await api.post(`/v1/cases/${caseId}/actions/${action}`, {});

    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: problemType('unknown-action'), validActions: Object.keys(complaints.actions) });
  });

  it('let staff answer and only the customer give the verdict', async () => {
    const { caseId, customer } = await openComplaint();
    const staffer = api.as(agent);

    expect((await customer.post(`/v1/cases/${caseId}/actions/acknowledge`, {})).status).toBe(403);
    expect((await staffer.post(`/v1/cases/${caseId}/actions/acknowledge`, { note: 'on it' })).body.status).toBe('acknowledged');
    expect((await customer.post(`/v1/cases/${caseId}/actions/message`, { text: 'any news?' })).status).toBe(200);
    expect((await staffer.post(`/v1/cases/${caseId}/actions/propose-solution`, { solution: 'a voucher' })).body.status).toBe(
      'solution_proposed',
    );
    const staffConfirms = await staffer.post(`/v1/cases/${caseId}/actions/confirm`, {});
    const supervisorReopens = await api.as({ sub: 'sup-1', role: 'supervisor' }).post(`/v1/cases/${caseId}/actions/reopen`, {});

    expect([staffConfirms.status, supervisorReopens.status]).toEqual([403, 403]);
    expect(staffConfirms.body.type).toBe(problemType('forbidden'));
    expect((await customer.post(`/v1/cases/${caseId}/actions/confirm`, { comment: 'thanks' })).body.status).toBe('closed');
  });

  it.each([
    ['message', {}, 'text'],
    ['message', { text: 'x'.repeat(5001) }, 'text'],
    ['propose-solution', { solution: '' }, 'solution'],
    ['request-info', {}, 'question'],
    ['reassign', { agentId: 'no such agent' }, 'agentId'],
  ])('validate the body of %s', async (action, body, path) => {
    const { caseId } = await openComplaint();
    const res = await api.as(agent).post(`/v1/cases/${caseId}/actions/${action}`, body);

    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ in: 'body', path }));
  });
});

describe('POST /v1/cases/:id/actions/acknowledge-escalation', () => {
  it('answers 404 when the case has no open escalation, and 403 to a customer', async () => {
    const { caseId, customer } = await openComplaint();
    const res = await api.as({ sub: 'sup-1', role: 'supervisor' }).post(`/v1/cases/${caseId}/actions/acknowledge-escalation`, {});

    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: problemType('not-found'), caseId });
    expect((await customer.post(`/v1/cases/${caseId}/actions/acknowledge-escalation`, {})).status).toBe(403);
  });

  it('answers 404 when the escalation the record names has already ended', async () => {
    const { caseId } = await openComplaint();
    await api.deps.pool.query(`UPDATE cases SET details = details || $2::jsonb WHERE id = $1`, [
      caseId,
      JSON.stringify({ escalation: { id: `${caseId}:escalation:1`, level: 'team_lead', open: true } }),
    ]);
    const res = await api.post(`/v1/cases/${caseId}/actions/acknowledge-escalation`, {});

    expect(res.status).toBe(404);
    expect(res.body.detail).toMatch(/no open escalation/);
  });
});
