import { randomUUID } from 'node:crypto';
import type { Principal } from '../../api/auth/tokens';
import { caseIdFor } from '../../api/schemas/caseId';
import type { Stack } from '../../scripts/stack';
import { feedbackWorkflowId } from '../../workflows/feedback/input';
import { eventually } from '../support/eventually';
import { shortFeedbackPolicy } from '../support/feedbackPolicies';
import { complaintRequest, repairRequest, returnRequest } from '../support/requests';
import { ApiClient, startTestStack } from '../support/stackHarness';
import { timerDurationsMs } from '../support/workflowHistory';

/**
 * Every resolved case asks its customer for CSAT and NPS (docs/feedback.md), over HTTP with the
 * simulator: one answer, a reminder, a closing survey, a follow-up for a low rating, and the
 * supplier it counts against.
 */

let stack: Stack;
let api: ApiClient;
beforeAll(async () => {
  stack = await startTestStack('e2e-feedback', { feedback: shortFeedbackPolicy });
  api = new ApiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

const problemType = (slug: string) => `https://after-sales.example/problems/${slug}`;
const supervisor: Principal = { sub: 'sup-feedback', role: 'supervisor' };

/** A return approved by policy and refunded; its id and its customer acting for themselves. */
async function refundedReturn() {
  const request = returnRequest();
  const customer = api.as({ sub: request.customer.id, role: 'customer' });
  const created = await customer.createCase(request);
  expect(created.status).toBe(201);
  const caseId = created.body.id as string;
  expect((await api.waitForClosed(caseId)).outcome).toBe('refunded');
  return { caseId, customer, customerId: request.customer.id };
}

/** The survey as the case record shows it, once it has reached `status`. */
async function surveyAt(caseId: string, status: string) {
  return eventually(async () => {
    const feedback = (await api.get(`/v1/cases/${caseId}`)).body.details.feedback;
    expect(feedback?.status).toBe(status);
    return feedback as Record<string, any>;
  });
}

describe('feedback on a resolved case', () => {
  it('asks the customer once the return is refunded, takes one answer, and shows it on the customer', async () => {
    const { caseId, customer, customerId } = await refundedReturn();
    const asked = await surveyAt(caseId, 'requested');
    expect(Date.parse(asked.closesAt)).toBeGreaterThan(Date.now());
    await eventually(async () =>
      expect((await api.records(caseId)).notifications.map((n) => n.template)).toContain('feedback_request'),
    );

    const first = await customer.post(`/v1/cases/${caseId}/feedback`, { csat: 5, nps: 9, comment: 'quick and easy' });
    const second = await customer.post(`/v1/cases/${caseId}/feedback`, { csat: 1, nps: 0, reasons: ['other'] });

    expect(first).toMatchObject({ status: 200, body: { caseId, status: 'answered' } });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ type: problemType('survey-not-open'), surveyStatus: 'answered' });
    expect(await surveyAt(caseId, 'answered')).toMatchObject({ csat: 5, nps: 9, reasons: [], followUp: null });
    const view = await api.as(supervisor).get(`/v1/customers/${customerId}`);
    expect(view.body.ratings).toEqual([expect.objectContaining({ caseId, score: 5, nps: 9, comment: 'quick and easy' })]);
  });

  it('reminds once at the policy time, closes the survey at the next, and refuses a late answer', async () => {
    const { caseId, customer } = await refundedReturn();

    await surveyAt(caseId, 'expired');
    const templates = (await api.records(caseId)).notifications.map((n) => n.template);
    expect(templates.filter((t) => t === 'feedback_request')).toHaveLength(1);
    expect(templates.filter((t) => t === 'feedback_reminder')).toHaveLength(1);
    // The reminder after 1 s, the survey closed 2 s after it: 3 s from the question.
    expect(await timerDurationsMs(stack.client.workflow.getHandle(feedbackWorkflowId(caseId)))).toEqual([shortFeedbackPolicy.reminderAfterMs, 2_000]);
    const late = await customer.post(`/v1/cases/${caseId}/feedback`, { csat: 4, nps: 8 });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ type: problemType('survey-not-open'), surveyStatus: 'expired' });
  });

  it('answers 400 naming reasons for a low rating without one, and 403 to another customer, taking neither', async () => {
    const { caseId, customer } = await refundedReturn();
    await surveyAt(caseId, 'requested');

    const noReason = await customer.post(`/v1/cases/${caseId}/feedback`, { csat: 2, nps: 3 });
    const outOfRange = await customer.post(`/v1/cases/${caseId}/feedback`, { csat: 6, nps: 11 });
    const stranger = await api.as({ sub: 'someone-else', role: 'customer' }).post(`/v1/cases/${caseId}/feedback`, { csat: 5, nps: 10 });

    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ in: 'body', path: 'reasons' })]);
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['csat', 'nps']);
    expect(stranger.status).toBe(404);
    expect((await api.get(`/v1/cases/${caseId}`)).body.details.feedback.status).toBe('requested');
  });

  it('asks nothing of a customer who cancelled', async () => {
    const request = returnRequest({ items: [{ sku: 'JACKET-M', quantity: 1, condition: 'opened' }] });
    const customer = api.as({ sub: request.customer.id, role: 'customer' });
    const caseId = (await customer.createCase(request)).body.id as string;
    await api.waitForStatus(caseId, 'under_review');
    expect((await customer.post(`/v1/cases/${caseId}/actions/cancel`, {})).status).toBe(200);
    await api.waitForClosed(caseId);

    const res = await customer.post(`/v1/cases/${caseId}/feedback`, { csat: 5, nps: 10 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ type: problemType('survey-not-open'), surveyStatus: null });
    expect((await api.get(`/v1/cases/${caseId}`)).body.details.feedback).toBeUndefined();
  });

  it('asks about a complaint too, once it is resolved', async () => {
    const request = complaintRequest();
    const customer = api.as({ sub: request.customer.id, role: 'customer' });
    const caseId = (await customer.createCase(request)).body.id as string;
    const assignee = await eventually(async () => {
      const record = (await api.get(`/v1/cases/${caseId}`)).body;
      expect(record).toMatchObject({ status: 'routed', assignee: expect.any(String) });
      return record.assignee as string;
    });
    const agent = api.as({ sub: assignee, role: 'agent' });
    await agent.post(`/v1/cases/${caseId}/actions/acknowledge`, {});
    await agent.post(`/v1/cases/${caseId}/actions/propose-solution`, { solution: 'a voucher' });
    await customer.post(`/v1/cases/${caseId}/actions/confirm`, {});

    await surveyAt(caseId, 'requested');
    expect((await customer.post(`/v1/cases/${caseId}/feedback`, { csat: 4, nps: 7 })).body.status).toBe('answered');
  });
});

describe('a low rating', () => {
  /** A phone repaired at acme-repairs (the simulator plays it) and received back by the customer. */
  async function repairedPhone() {
    const request = repairRequest();
    const key = randomUUID();
    const caseId = caseIdFor(request.customer.id, key);
    await api.sim('/sim/scripts', { caseId, repair: 'in_warranty' });
    const customer = api.as({ sub: request.customer.id, role: 'customer' });
    expect((await customer.createCase(request, key)).status).toBe(201);
    await api.waitForStatus(caseId, 'troubleshooting');
    await customer.post(`/v1/cases/${caseId}/actions/not_fixed`, {});
    await api.waitForStatus(caseId, 'shipped_back');
    await customer.post(`/v1/cases/${caseId}/actions/confirm`, {});
    expect((await api.waitForClosed(caseId)).outcome).toBe('repaired');
    return { caseId, customer };
  }

  it("opens a supervisor's follow-up, counts against the supplier for its reasons, and closes when a supervisor records it", async () => {
    const { caseId, customer } = await repairedPhone();
    await surveyAt(caseId, 'requested');
    const before = (await api.as(supervisor).get('/v1/suppliers/acme-repairs/scorecard')).body.ratings.negative as number;

    const low = await customer.post(`/v1/cases/${caseId}/feedback`, { csat: 1, nps: 2, reasons: ['repair_quality'], comment: 'still rattles' });

    expect(low).toMatchObject({ status: 200, body: { caseId, status: 'follow_up' } });
    const survey = await surveyAt(caseId, 'answered');
    expect(survey).toMatchObject({ csat: 1, attributedTo: { kind: 'supplier', id: 'acme-repairs' }, followUp: { open: true } });
    expect(Date.parse(survey.followUp.dueAt) - Date.now()).toBeGreaterThan(shortFeedbackPolicy.followUpWithinMs - 60_000);
    const items = (await api.as(supervisor).get('/v1/work-items?queue=follow_ups&limit=200')).body.items;
    expect(items).toContainEqual(expect.objectContaining({ caseId, kind: 'follow_up_low_rating', dueAt: survey.followUp.dueAt }));
    // Only a supervisor may record it, so agents are not shown it.
    const agentsView = await api.as({ sub: 'agent-x', role: 'agent' }).get('/v1/work-items?limit=200');
    expect(agentsView.status).toBe(200);
    expect(agentsView.body.items).not.toContainEqual(expect.objectContaining({ kind: 'follow_up_low_rating' }));
    expect((await api.as(supervisor).get('/v1/suppliers/acme-repairs/scorecard')).body.ratings.negative).toBe(before + 1);
    await eventually(async () =>
      expect((await api.records(caseId)).partyMessages).toContainEqual(
        expect.objectContaining({ recipientId: 'supervisors', template: 'feedback_low_rating' }),
      ),
    );

    const byAgent = await api.as({ sub: 'agent-x', role: 'agent' }).post(`/v1/cases/${caseId}/feedback/follow-up`, { note: 'called' });
    const done = await api.as(supervisor).post(`/v1/cases/${caseId}/feedback/follow-up`, { note: 'called, sent a new one' });

    expect(byAgent.status).toBe(403);
    expect(done).toMatchObject({ status: 200, body: { caseId, status: 'followed_up' } });
    await eventually(async () => expect((await api.get(`/v1/cases/${caseId}`)).body.details.feedback.followUp.open).toBe(false));
    expect((await api.as(supervisor).get('/v1/work-items?queue=follow_ups&limit=200')).body.items).not.toContainEqual(
      expect.objectContaining({ caseId }),
    );
    expect(await api.timelineTypes(caseId)).toEqual(expect.arrayContaining(['feedback.requested', 'feedback.given', 'feedback.followed_up']));
  });

  it("does not count against the supplier when its reasons are the shop's", async () => {
    const { caseId, customer } = await repairedPhone();
    await surveyAt(caseId, 'requested');

    await customer.post(`/v1/cases/${caseId}/feedback`, { csat: 2, nps: 4, reasons: ['unfriendly'] });

    expect(await surveyAt(caseId, 'answered')).toMatchObject({ attributedTo: null, followUp: { open: true } });
  });
});
