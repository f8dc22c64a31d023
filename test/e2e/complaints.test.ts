import type { Principal } from '../../api/auth/tokens';
import { defaultAgents } from '../../db/seedAgents';
import type { Stack } from '../../scripts/stack';
import { eventually } from '../support/eventually';
import { complaintRequest, returnRequest } from '../support/requests';
import { ApiClient, startTestStack } from '../support/stackHarness';

let stack: Stack;
let api: ApiClient;
beforeAll(async () => {
  stack = await startTestStack('e2e-complaints');
  api = new ApiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

const supervisor: Principal = { sub: 'sup-e2e', role: 'supervisor' };
const agentsWith = (skill: string) => defaultAgents.filter((a) => a.skills.includes(skill)).map((a) => a.id);

/** A customer's complaint, once routing has given it to an agent. */
async function openComplaint(overrides: Record<string, unknown> = {}) {
  const request = complaintRequest(overrides);
  const customer = api.as({ sub: request.customer.id, role: 'customer' });
  const created = await customer.createCase(request);
  expect(created.status).toBe(201);
  const caseId = created.body.id as string;
  const assignee = await eventually(async () => {
    const record = (await api.get(`/v1/cases/${caseId}`)).body;
    expect(record).toMatchObject({ status: 'routed', assignee: expect.any(String) });
    return record.assignee as string;
  });
  return { caseId, customer, assignee, agent: api.as({ sub: assignee, role: 'agent' }) };
}

const act = (client: ApiClient, caseId: string, action: string, body: Record<string, unknown> = {}) =>
  client.post(`/v1/cases/${caseId}/actions/${action}`, body);

async function workItems(client: ApiClient, query: string): Promise<Record<string, any>[]> {
  const res = await client.get(`/v1/work-items?${query}`);
  expect(res.status).toBe(200);
  return res.body.items as Record<string, any>[];
}

describe('a complaint, entirely over HTTP', () => {
  it('is classified, routed to a skilled agent, acknowledged, solved, and closed when the customer confirms', async () => {
    const { caseId, customer, assignee, agent } = await openComplaint();
    expect(agentsWith('logistics')).toContain(assignee);

    expect((await act(agent, caseId, 'acknowledge', { note: 'looking into it' })).body.status).toBe('acknowledged');
    expect((await act(customer, caseId, 'message', { text: 'It was a birthday present.' })).status).toBe(200);
    expect((await act(agent, caseId, 'propose-solution', { solution: 'a refund of the shipping costs' })).body.status).toBe(
      'solution_proposed',
    );
    expect((await act(agent, caseId, 'confirm')).status).toBe(403);
    expect((await act(customer, caseId, 'confirm', { comment: 'fine' })).body.status).toBe('closed');

    const closed = await api.waitForClosed(caseId);
    expect(closed).toMatchObject({ outcome: 'resolved', resolution: 'human', details: { category: 'delivery', severity: 'normal' } });
    expect(await api.timelineTypes(caseId)).toEqual(
      expect.arrayContaining([
        'complaint.classified',
        'complaint.routed',
        'complaint.acknowledged',
        'message.added',
        'solution.proposed',
        'solution.confirmed',
        'case.closed',
      ]),
    );
  });

  it('reopens when the customer is not satisfied, and closes on the next solution', async () => {
    const { caseId, customer, agent } = await openComplaint();
    await act(agent, caseId, 'acknowledge');
    await act(agent, caseId, 'propose-solution', { solution: 'a voucher' });

    expect((await act(customer, caseId, 'reopen', { comment: 'I want my parcel' })).body.status).toBe('acknowledged');
    await act(agent, caseId, 'propose-solution', { solution: 'a new parcel, sent today' });
    await act(customer, caseId, 'confirm');

    expect((await api.waitForClosed(caseId)).details).toMatchObject({ reopened: 1 });
    expect(await api.timelineTypes(caseId)).toContain('complaint.reopened');
  });
});

describe('work queues', () => {
  it("show a complaint to its agent, first to acknowledge and then to answer, due by the case's clocks", async () => {
    const { caseId, assignee, agent } = await openComplaint();
    const record = (await api.get(`/v1/cases/${caseId}`)).body;
    const dueBy = (clock: string) => record.deadlines.find((d: { name: string }) => d.name === clock).dueAt;

    expect(await workItems(agent, `assignee=${assignee}`)).toContainEqual({
      caseId,
      kind: 'acknowledge_complaint',
      queue: 'complaints',
      assignee,
      dueAt: dueBy('first_response'),
      openedAt: record.createdAt,
      priority: 'normal',
      status: 'routed',
      type: 'complaint',
    });
    await act(agent, caseId, 'acknowledge');
    await eventually(async () =>
      expect(await workItems(agent, `assignee=${assignee}`)).toContainEqual(
        expect.objectContaining({ caseId, kind: 'answer_complaint', dueAt: dueBy('solution') }),
      ),
    );
  });

  it('show a return waiting for review; an agent claims it, and a supervisor hands it to another', async () => {
    const created = await api.createCase(returnRequest({ items: [{ sku: 'JACKET-M', quantity: 1, condition: 'opened' }] }));
    const caseId = created.body.id as string;
    const pending = await api.waitForStatus(caseId, 'under_review');
    const [first, second] = [defaultAgents[0]!.id, defaultAgents[1]!.id];

    const item = { caseId, kind: 'review_return', queue: 'returns', dueAt: pending.deadlines[0].dueAt };
    expect(await workItems(api.as(supervisor), 'queue=returns&limit=200')).toContainEqual(
      expect.objectContaining({ ...item, assignee: null }),
    );
    expect((await act(api.as({ sub: first, role: 'agent' }), caseId, 'claim')).body.assignee).toBe(first);
    expect((await act(api.as({ sub: second, role: 'agent' }), caseId, 'claim')).status).toBe(409);
    expect((await act(api.as(supervisor), caseId, 'assign', { agentId: second })).body.assignee).toBe(second);

    expect(await workItems(api.as({ sub: second, role: 'agent' }), `assignee=${second}`)).toContainEqual(
      expect.objectContaining({ ...item, assignee: second }),
    );
    expect((await api.timelineTypes(caseId)).filter((t) => t === 'case.assigned')).toHaveLength(2);
  });

  it('let a supervisor give a complaint to another agent, who then answers it', async () => {
    const { caseId, assignee } = await openComplaint();
    const other = agentsWith('logistics').find((id) => id !== assignee)!;

    const moved = await act(api.as(supervisor), caseId, 'assign', { agentId: other });
    expect(moved).toMatchObject({ status: 200, body: { caseId, status: 'routed', assignee: other } });
    expect((await act(api.as({ sub: other, role: 'agent' }), caseId, 'acknowledge')).body.status).toBe('acknowledged');
    expect(await api.timelineTypes(caseId)).toContain('complaint.reassigned');
  });
});

describe('escalation', () => {
  it('is raised on request, waits in the escalations queue, and ends when a supervisor acknowledges it', async () => {
    const { caseId, customer } = await openComplaint();
    expect((await act(customer, caseId, 'escalate', { reason: 'nobody calls back' })).status).toBe(200);
    const escalation = await eventually(async () => {
      const details = (await api.get(`/v1/cases/${caseId}`)).body.details;
      expect(details.escalation).toMatchObject({ level: 'team_lead', open: true });
      return details.escalation as { id: string; dueAt: string };
    });
    expect(await workItems(api.as(supervisor), 'queue=escalations&limit=200')).toContainEqual(
      expect.objectContaining({ caseId, kind: 'acknowledge_escalation', assignee: null, dueAt: escalation.dueAt }),
    );

    const acknowledged = await act(api.as(supervisor), caseId, 'acknowledge-escalation');
    expect(acknowledged).toMatchObject({ status: 200, body: { caseId, escalationId: escalation.id, status: 'acknowledged' } });
    await eventually(async () => expect((await api.get(`/v1/cases/${caseId}`)).body.details.escalation.open).toBe(false));
    expect(await api.timelineTypes(caseId)).toEqual(expect.arrayContaining(['escalation.raised', 'escalation.acknowledged']));
    expect((await act(api.as(supervisor), caseId, 'acknowledge-escalation')).status).toBe(404);
  });

  it('starts at the top level for a major incident, whose complaint is urgent', async () => {
    const { caseId, assignee } = await openComplaint({
      subject: 'Charger',
      description: 'Smoke came out of the charger and it burned my desk.',
    });

    expect(agentsWith('safety')).toContain(assignee);
    await eventually(async () =>
      expect((await api.get(`/v1/cases/${caseId}`)).body).toMatchObject({
        priority: 'urgent',
        details: { severity: 'major_incident', escalation: { level: 'management', open: true } },
      }),
    );
  });
});
