import { randomUUID } from 'node:crypto';
import { upsertAgent } from '../../db/agents';
import { complaintRequest, returnRequest } from '../support/requests';
import { ApiHarness } from './support/apiHarness';

let api: ApiHarness;
const suffix = randomUUID().slice(0, 8);
const [ana, ben] = [`ana-${suffix}`, `ben-${suffix}`];

beforeAll(async () => {
  api = await ApiHarness.start('api-work-queues');
  for (const id of [ana, ben]) await upsertAgent(api.deps.pool, { id, name: id, skills: ['general'], capacity: 5 });
});

afterAll(async () => {
  await api.close();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;
const asAgent = (sub: string, queues?: string[]) => api.as({ sub, role: 'agent', queues });
const supervisor = () => api.as({ sub: 'sup-1', role: 'supervisor' });

describe('claim and assign', () => {
  it('let an agent take a case nobody holds, and a supervisor hand it to someone else', async () => {
    const caseId = await api.openCase(returnRequest());

    const claimed = await asAgent(ana).post(`/v1/cases/${caseId}/actions/claim`, {});
    const contested = await asAgent(ben).post(`/v1/cases/${caseId}/actions/claim`, {});
    const assigned = await supervisor().post(`/v1/cases/${caseId}/actions/assign`, { agentId: ben });

    expect(claimed).toMatchObject({ status: 200, body: { caseId, assignee: ana } });
    expect(contested).toMatchObject({ status: 409, body: { type: problemType('already-assigned'), assignee: ana } });
    expect(assigned).toMatchObject({ status: 200, body: { caseId, assignee: ben } });
    const events = (await api.get(`/v1/cases/${caseId}/timeline`)).body.events as Record<string, any>[];
    expect(events.filter((e) => e.type === 'case.assigned')).toEqual([
      expect.objectContaining({ actor: { kind: 'agent', id: ana }, data: expect.objectContaining({ from: null, to: ana }) }),
      expect.objectContaining({ actor: { kind: 'supervisor', id: 'sup-1' }, data: expect.objectContaining({ from: ana, to: ben }) }),
    ]);
  });

  it('record a repeated request once', async () => {
    const caseId = await api.openCase(returnRequest());
    const key = { 'idempotency-key': randomUUID() };
    await asAgent(ana).post(`/v1/cases/${caseId}/actions/claim`, {}, key);
    await asAgent(ana).post(`/v1/cases/${caseId}/actions/claim`, {}, key);

    const events = (await api.get(`/v1/cases/${caseId}/timeline`)).body.events as { type: string }[];
    expect(events.filter((e) => e.type === 'case.assigned')).toHaveLength(1);
  });

  it('refuse someone who is not on the roster, other roles, and closed cases', async () => {
    const caseId = await api.openCase(returnRequest());
    const closed = await api.openCase(returnRequest());
    await api.post(`/v1/cases/${closed}/actions/cancel`, {});

    const stranger = await asAgent(`nobody-${suffix}`).post(`/v1/cases/${caseId}/actions/claim`, {});
    const agentAssigns = await asAgent(ana).post(`/v1/cases/${caseId}/actions/assign`, { agentId: ana });
    const onClosed = await supervisor().post(`/v1/cases/${closed}/actions/assign`, { agentId: ana });

    expect(stranger).toMatchObject({ status: 422, body: { type: problemType('action-rejected') } });
    expect(agentAssigns.status).toBe(403);
    expect(onClosed).toMatchObject({ status: 409, body: { type: problemType('case-closed') } });
    expect((await api.get(`/v1/cases/${caseId}`)).body.assignee).toBeNull();
  });
});

describe('GET /v1/work-items', () => {
  it('is for staff only, and validates its query', async () => {
    const customer = await api.as({ sub: 'cust-1', role: 'customer' }).get('/v1/work-items');
    const badQueue = await supervisor().get('/v1/work-items?queue=limbo&limit=0');

    expect(customer.status).toBe(403);
    expect(badQueue.status).toBe(400);
    expect(badQueue.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['limit', 'queue']);
  });
});

describe('GET /v1/agents', () => {
  it('lists the roster for supervisors, and not for agents', async () => {
    const roster = await supervisor().get('/v1/agents');

    expect(roster.body.items).toEqual(
      expect.arrayContaining([{ id: ana, name: ana, skills: ['general'], capacity: 5, available: true, openCases: 0 }]),
    );
    expect((await asAgent(ana).get('/v1/agents')).status).toBe(403);
  });
});

describe('agents whose token names queues', () => {
  it('reach the cases of their queues and what is assigned to them, and list only those', async () => {
    const returnCase = await api.openCase(returnRequest());
    const complaint = await api.openCase(complaintRequest());
    const assignedReturn = await api.openCase(returnRequest());
    await supervisor().post(`/v1/cases/${assignedReturn}/actions/assign`, { agentId: ben });
    const complaintsDesk = asAgent(ben, ['complaints']);

    expect((await complaintsDesk.get(`/v1/cases/${complaint}`)).status).toBe(200);
    expect((await complaintsDesk.get(`/v1/cases/${assignedReturn}`)).status).toBe(200);
    expect((await complaintsDesk.get(`/v1/cases/${returnCase}`)).status).toBe(404);
    const listed = (await complaintsDesk.get('/v1/cases?limit=200')).body.items as { id: string; type: string; assignee: string }[];
    expect(listed.map((c) => c.id)).toEqual(expect.arrayContaining([complaint, assignedReturn]));
    expect(listed.every((c) => c.type === 'complaint' || c.assignee === ben)).toBe(true);
  });
});
