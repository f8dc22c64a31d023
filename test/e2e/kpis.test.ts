import { randomUUID } from 'node:crypto';
import type { Principal } from '../../api/auth/tokens';
import type { Stack } from '../../scripts/stack';
import { eventually } from '../support/eventually';
import { stackComplaintPolicy } from '../support/complaintCases';
import { testReturnPolicy } from '../support/returnCases';
import { complaintRequest, returnRequest } from '../support/requests';
import { ApiClient, startTestStack } from '../support/stackHarness';

/**
 * The KPI report over real cases: a complaint an agent answers and a return the policy approves,
 * driven over HTTP through the whole service, each rated by its customer. Their processes pin
 * versions of this file's own, so grouping by process version shows these cases alone; the
 * expected figures come from the cases' own records and timelines.
 */

const suffix = randomUUID().slice(0, 8);
let stack: Stack;
let api: ApiClient;
beforeAll(async () => {
  stack = await startTestStack('e2e-kpis', {
    complaints: { ...stackComplaintPolicy, version: `complaints/kpi-${suffix}` },
    returns: { ...testReturnPolicy, version: `returns/kpi-${suffix}` },
  });
  api = new ApiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

const supervisor: Principal = { sub: 'sup-kpis', role: 'supervisor' };

/** The case once its survey has the customer's answer: its record and timeline. */
async function rated(caseId: string, customer: ApiClient, answer: { csat: number; nps: number }) {
  await api.waitForSurvey(caseId);
  expect((await customer.post(`/v1/cases/${caseId}/feedback`, answer)).status).toBe(200);
  const record = await eventually(async () => {
    const res = await api.get(`/v1/cases/${caseId}`);
    expect(res.body.details.feedback?.status).toBe('answered');
    return res.body;
  });
  const events = (await api.get(`/v1/cases/${caseId}/timeline`)).body.events as { type: string; at: string }[];
  const at = (type: string) => Date.parse(events.find((e) => e.type === type)!.at);
  return { record, at, openMs: Date.parse(record.closedAt) - Date.parse(record.createdAt) };
}

it('reports the KPIs of an answered complaint and an automated return as their timelines show them', async () => {
  const from = new Date(Date.now() - 60_000).toISOString();

  const complaint = complaintRequest();
  const complainant = api.as({ sub: complaint.customer.id, role: 'customer' });
  const complaintId = (await complainant.createCase(complaint)).body.id as string;
  await api.waitForStatus(complaintId, 'routed');
  const assignee = await api.waitForAssignee(complaintId);
  const agent = api.as({ sub: assignee, role: 'agent' });
  await agent.post(`/v1/cases/${complaintId}/actions/acknowledge`, {});
  await agent.post(`/v1/cases/${complaintId}/actions/propose-solution`, { solution: 'a voucher' });
  await complainant.post(`/v1/cases/${complaintId}/actions/confirm`, {});
  const answered = await rated(complaintId, complainant, { csat: 5, nps: 10 });

  const request = returnRequest();
  const returner = api.as({ sub: request.customer.id, role: 'customer' });
  const returnId = (await returner.createCase(request)).body.id as string;
  expect((await api.waitForClosed(returnId)).outcome).toBe('refunded');
  const automated = await rated(returnId, returner, { csat: 3, nps: 6 });

  const to = new Date(Date.now() + 60_000).toISOString();
  const res = await api.as(supervisor).get(`/v1/reports/kpis?from=${from}&to=${to}&groupBy=processVersion`);
  expect(res.status).toBe(200);
  const group = (caseRecord: Record<string, any>) => res.body.groups.find((g: { key: string }) => g.key === caseRecord.policyVersion)?.kpis;

  // The agent's acknowledgement is the complaint's first response; nobody else's hand touched the return.
  const firstResponseMs = answered.at('complaint.acknowledged') - Date.parse(answered.record.createdAt);
  expect(group(answered.record)).toMatchObject({
    firstResponseP50: { value: firstResponseMs, sample: 1 },
    resolutionP90: { value: answered.openMs, sample: 1 },
    slaCompliance: { first_response: { value: 1, sample: 1 }, solution: { value: 1, sample: 1 }, review: { value: null, sample: 0 } },
    firstContactResolution: { value: 1, sample: 1 },
    problemResolution: { value: 1, sample: 1 },
    complaintRate: { value: 1, sample: 1 },
    repeatComplaintRate: { value: 0, sample: 1 },
    csat: { value: 1, sample: 1, met: true },
    nps: { value: 100, sample: 1, met: true },
    automationShare: { value: 0, sample: 1, met: false },
    afterSalesCycle: { value: null, sample: 0 },
  });
  expect(group(automated.record)).toMatchObject({
    firstResponseP50: { value: null, sample: 0 },
    resolutionP50: { value: automated.openMs, sample: 1 },
    complaintRate: { value: 0, sample: 1 },
    csat: { value: 0, sample: 1, met: false },
    nps: { value: -100, sample: 1 },
    automationShare: { value: 1, sample: 1, met: true },
    afterSalesCycle: { value: automated.openMs, sample: 1, met: true },
  });

  const agents = await api.as(supervisor).get(`/v1/reports/agents?from=${from}&to=${to}`);
  expect(agents.body.agents).toContainEqual(
    expect.objectContaining({ agentId: answered.record.assignee, casesHandled: expect.any(Number), csatAnswers: expect.any(Number) }),
  );
  const theirs = agents.body.agents.find((a: { agentId: string }) => a.agentId === answered.record.assignee);
  expect(theirs.casesHandled).toBeGreaterThanOrEqual(1);
  expect(theirs.firstResponses).toBeGreaterThanOrEqual(1);
});
