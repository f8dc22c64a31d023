import { setTimeout as sleep } from 'node:timers/promises';
import { seconds } from '../../../config/policies/duration';
import type { SlaPolicy } from '../../../config/policies/slaPolicy';
import { caseActionUpdate, caseViewQuery } from '../../../workflows/lib/messages';
import { complaintCaseInput, seedAgents, testComplaintPolicy } from '../../support/complaintCases';
import { testSlaPolicy, withTarget } from '../../support/slaPolicies';
import { listWorkItems } from '../../../db/workItems';
import { eventually } from '../../support/eventually';
import { WorkflowHarness } from '../../support/workflowHarness';

let harness: WorkflowHarness;
const policy = testComplaintPolicy();
const productSkill = policy.skillByCategory.product_quality!;
let agents: string[];

beforeAll(async () => {
  harness = await WorkflowHarness.start('complaint-workflow');
  agents = await seedAgents(harness.pool, productSkill, 2, 50);
});
afterAll(async () => {
  await harness?.close();
});

const agentActor = (id: string) => ({ kind: 'agent' as const, id });
const customerOf = (input: { customer: { id: string } }) => ({ kind: 'customer' as const, id: input.customer.id });

async function dueOf(caseId: string, clock: string): Promise<number | null> {
  const view = await harness.client.workflow.getHandle(caseId).query(caseViewQuery);
  const deadline = view.deadlines.find((d) => d.name === clock);
  return deadline ? Date.parse(deadline.dueAt) : null;
}

async function openAndAcknowledge(input: ReturnType<typeof complaintCaseInput>) {
  const handle = await harness.startComplaint(input);
  await harness.waitForStatus(input.caseId, 'routed');
  const assignee = (await harness.caseRecord(input.caseId)).assignee!;
  expect(await harness.action(input.caseId, 'acknowledge', agentActor(assignee))).toEqual({ status: 'acknowledged' });
  return { handle, assignee };
}

describe('complaint workflow', () => {
  it('classifies, routes to a skilled agent, and closes when the customer confirms the solution', async () => {
    const input = complaintCaseInput(policy);
    const { handle, assignee } = await openAndAcknowledge(input);
    expect(agents).toContain(assignee);

    expect(await harness.action(input.caseId, 'propose-solution', agentActor(assignee), { solution: 'a new blender' })).toEqual({
      status: 'solution_proposed',
    });
    expect(await harness.action(input.caseId, 'confirm', customerOf(input))).toEqual({ status: 'closed' });
    expect(await handle.result()).toEqual({ outcome: 'resolved' });

    const record = await harness.caseRecord(input.caseId);
    expect(record).toMatchObject({ priority: 'high', assignee, outcome: 'resolved' });
    expect(record.details).toMatchObject({ category: 'product_quality', severity: 'major', repeat: false });
    const { rows } = await harness.pool.query('SELECT 1 FROM agent_assignments WHERE case_id = $1', [input.caseId]);
    expect(rows).toHaveLength(0);
  });

  it('gives the next complaint to the agent with fewer open cases', async () => {
    const first = complaintCaseInput(policy);
    const second = complaintCaseInput(policy);
    await harness.startComplaint(first);
    await harness.waitForStatus(first.caseId, 'routed');
    await harness.startComplaint(second);
    await harness.waitForStatus(second.caseId, 'routed');
    const a = (await harness.caseRecord(first.caseId)).assignee;
    const b = (await harness.caseRecord(second.caseId)).assignee;
    expect(new Set([a, b])).toEqual(new Set(agents));
  });

  it('reopens when the customer is not satisfied, and closes on the second solution', async () => {
    const input = complaintCaseInput(policy);
    const { handle, assignee } = await openAndAcknowledge(input);
    await harness.action(input.caseId, 'propose-solution', agentActor(assignee), { solution: 'a voucher' });
    expect(await harness.action(input.caseId, 'reopen', customerOf(input), { comment: 'I want it working' })).toEqual({
      status: 'acknowledged',
    });
    await harness.action(input.caseId, 'propose-solution', agentActor(assignee), { solution: 'a replacement' });
    await harness.action(input.caseId, 'confirm', customerOf(input));

    expect(await handle.result()).toEqual({ outcome: 'resolved' });
    expect(await harness.timelineTypes(input.caseId)).toEqual(
      expect.arrayContaining(['complaint.reopened', 'solution.confirmed']),
    );
    const proposals = (await harness.records(input.caseId)).notifications.filter((n) => n.template === 'solution_proposed');
    expect(proposals).toHaveLength(2);
  });

  it('tells the customer of every question the agent asks', async () => {
    const input = complaintCaseInput(policy);
    const { assignee } = await openAndAcknowledge(input);
    for (const [question, answer] of [['Which model?', 'The X200'], ['Since when?', 'A week']]) {
      await harness.action(input.caseId, 'request-info', agentActor(assignee), { question });
      await harness.action(input.caseId, 'message', customerOf(input), { text: answer });
    }

    const questions = (await harness.records(input.caseId)).notifications.filter((n) => n.template === 'information_requested');
    expect(questions).toHaveLength(2);
  });

  it('closes as failed, giving its agent back, when a partner refuses for good', async () => {
    const input = complaintCaseInput(policy);
    // The agent's assignment message is refused: the gateway does not know the recipient.
    await harness.injectFault('notifications.party', 1, { status: 422, caseId: input.caseId });
    const handle = await harness.startComplaint(input);

    expect(await handle.result()).toEqual({ outcome: 'failed' });
    expect(await harness.timelineTypes(input.caseId)).toContain('case.failed');
    const { rows } = await harness.pool.query('SELECT agent_id FROM agent_assignments WHERE case_id = $1', [input.caseId]);
    expect(rows).toEqual([]);
  });

  it('flags a repeat complaint from a customer whose last one closed recently', async () => {
    const earlier = complaintCaseInput(policy);
    const { assignee } = await openAndAcknowledge(earlier);
    await harness.action(earlier.caseId, 'propose-solution', agentActor(assignee), { solution: 'fixed' });
    await harness.action(earlier.caseId, 'confirm', customerOf(earlier));
    await harness.client.workflow.getHandle(earlier.caseId).result();

    const again = complaintCaseInput(policy, { customerId: earlier.customer.id });
    await harness.startComplaint(again);
    await harness.waitForStatus(again.caseId, 'routed');
    expect((await harness.caseRecord(again.caseId)).details).toMatchObject({ repeat: true, repeatOf: earlier.caseId });
  });

  it('pauses the solution clock while waiting for the customer and resumes it on their answer', async () => {
    const input = complaintCaseInput(policy);
    const { assignee } = await openAndAcknowledge(input);
    const dueBefore = (await dueOf(input.caseId, 'solution'))!;

    expect(await harness.action(input.caseId, 'request-info', agentActor(assignee), { question: 'Which model?' })).toEqual({
      status: 'awaiting_customer',
    });
    expect(await dueOf(input.caseId, 'solution')).toBeNull();
    await sleep(1_500);
    expect(await harness.action(input.caseId, 'message', customerOf(input), { text: 'The X200' })).toEqual({ status: 'acknowledged' });

    const dueAfter = (await dueOf(input.caseId, 'solution'))!;
    expect(dueAfter - dueBefore).toBeGreaterThanOrEqual(1_000);
  });

  it('gives high-value customers a tighter first-response target than standard ones', async () => {
    const standard = complaintCaseInput(policy);
    const vip = complaintCaseInput(policy, { segment: 'high_value' });
    await harness.startComplaint(standard);
    await harness.startComplaint(vip);
    await harness.waitForStatus(standard.caseId, 'routed');
    await harness.waitForStatus(vip.caseId, 'routed');
    const targetOf = async (input: typeof standard) => (await dueOf(input.caseId, 'first_response'))! - Date.parse(input.requestedAt);

    expect(await targetOf(vip)).toBeLessThan(20 * 60_000);
    expect(await targetOf(standard)).toBeGreaterThan(25 * 60_000);
  });

  it('warns, breaches and escalates through every level when nobody responds', async () => {
    const sla: SlaPolicy = {
      ...testSlaPolicy,
      rules: testSlaPolicy.rules.map((r) => (r.clock === 'first_response' ? { ...r, targetMs: seconds(1) } : r)),
    };
    const input = complaintCaseInput(policy, { sla });
    await harness.startComplaint(input);

    await eventually(async () => expect(await harness.timelineTypes(input.caseId)).toContain('escalation.overdue'), 30_000);
    const timeline = await harness.timelineTypes(input.caseId);
    expect(timeline).toEqual(expect.arrayContaining(['sla.warning', 'sla.breached', 'escalation.started']));
    expect(timeline.filter((t) => t === 'escalation.raised')).toHaveLength(3);
    expect((await harness.caseRecord(input.caseId)).breached).toBe(true);
  });

  it('ends an escalation when it is acknowledged at the current level', async () => {
    const input = complaintCaseInput(policy);
    await openAndAcknowledge(input);
    await harness.action(input.caseId, 'escalate', customerOf(input), { reason: 'nobody calls back' });
    const escalation = harness.client.workflow.getHandle(`${input.caseId}:escalation:1`);
    await eventually(async () => expect(await harness.timelineTypes(input.caseId)).toContain('escalation.raised'));

    await escalation.executeUpdate(caseActionUpdate, {
      args: [{ action: 'acknowledge', actor: { kind: 'supervisor', id: 'lead-1' }, role: 'supervisor', requestId: 'ack-1', payload: {} }],
    });
    expect(await escalation.result()).toEqual({ acknowledgedBy: { kind: 'supervisor', id: 'lead-1' }, level: 'team_lead', ended: 'acknowledged' });
    await eventually(async () => expect(await harness.timelineTypes(input.caseId)).toContain('escalation.acknowledged'));
  });

  describe('an escalation', () => {
    /** Levels long enough that only what the test does moves the escalation on. */
    const patient = { ...policy, escalation: { ...policy.escalation, levels: policy.escalation.levels.map((l) => ({ ...l, ackWithinMs: seconds(60) })) } };
    const lead = { kind: 'supervisor' as const, id: 'lead-1' };
    const acknowledge = (escalationId: string) =>
      harness.client.workflow.getHandle(escalationId).executeUpdate(caseActionUpdate, {
        args: [{ action: 'acknowledge', actor: lead, role: 'supervisor', requestId: `ack-${escalationId}`, payload: {} }],
      });
    const escalationOf = async (caseId: string) => (await harness.caseRecord(caseId)).details.escalation as { id: string; level: string; open: boolean };
    const inEscalationsQueue = async (caseId: string) =>
      (await listWorkItems(harness.pool, { queue: 'escalations', limit: 1000 })).some((item) => item.caseId === caseId);

    it('stays open in the escalations queue after its last level passes unanswered, until someone acknowledges it', async () => {
      const input = complaintCaseInput(policy, { sla: withTarget(testSlaPolicy, 'first_response', seconds(1)) });
      await harness.startComplaint(input);
      await eventually(async () => expect((await harness.timelineTypes(input.caseId)).filter((t) => t === 'escalation.raised')).toHaveLength(3), 30_000);
      // Past the last level's second to answer.
      await sleep(2_500);

      expect(await escalationOf(input.caseId)).toMatchObject({ level: 'management', open: true });
      expect(await inEscalationsQueue(input.caseId)).toBe(true);
      const { id } = await escalationOf(input.caseId);
      await acknowledge(id);
      expect(await harness.client.workflow.getHandle(id).result()).toEqual({ acknowledgedBy: lead, level: 'management', ended: 'acknowledged' });
      await eventually(async () => expect(await inEscalationsQueue(input.caseId)).toBe(false));
    });

    it('raises the open escalation when a second clock is missed, instead of starting another', async () => {
      const sla = withTarget(withTarget(testSlaPolicy, 'first_response', seconds(1)), 'solution', seconds(3));
      const input = complaintCaseInput(patient, { sla });
      await harness.startComplaint(input);
      await eventually(async () => expect((await harness.timelineTypes(input.caseId)).filter((t) => t === 'sla.breached')).toHaveLength(2), 20_000);
      await eventually(async () => expect(await escalationOf(input.caseId)).toMatchObject({ level: 'supervisor', open: true }));

      const timeline = await harness.timelineTypes(input.caseId);
      expect(timeline.filter((t) => t === 'escalation.started')).toHaveLength(1);
      expect(timeline.filter((t) => t === 'escalation.raised')).toHaveLength(2);
      const { id } = await escalationOf(input.caseId);
      expect(id).toBe(`${input.caseId}:escalation:1`);

      // Acknowledged, it is closed: the next escalation is one of its own.
      await acknowledge(id);
      await harness.client.workflow.getHandle(id).result();
      await harness.action(input.caseId, 'escalate', customerOf(input), { reason: 'still nothing' });
      await eventually(async () => expect(await escalationOf(input.caseId)).toMatchObject({ level: 'team_lead', open: true }));
      expect((await escalationOf(input.caseId)).id).not.toBe(id);
    });

    it('ends, leaving the escalations queue, when its case closes unacknowledged', async () => {
      const input = complaintCaseInput(patient);
      const { handle, assignee } = await openAndAcknowledge(input);
      await harness.action(input.caseId, 'escalate', customerOf(input), { reason: 'nobody calls back' });
      await eventually(async () => expect(await inEscalationsQueue(input.caseId)).toBe(true));
      const { id } = await escalationOf(input.caseId);

      await harness.action(input.caseId, 'propose-solution', agentActor(assignee), { solution: 'a new blender' });
      await harness.action(input.caseId, 'confirm', customerOf(input));
      await handle.result();

      expect(await harness.client.workflow.getHandle(id).result()).toEqual({ acknowledgedBy: null, level: 'team_lead', ended: 'case_closed' });
      expect(await escalationOf(input.caseId)).toMatchObject({ open: false });
      expect(await harness.timelineTypes(input.caseId)).toContain('escalation.closed_with_case');
      expect(await inEscalationsQueue(input.caseId)).toBe(false);
    });
  });

  it('sends a major incident straight to the top level and the incident channel', async () => {
    const input = complaintCaseInput(policy, { description: 'Smoke came out of the charger and it burned my desk' });
    await harness.startComplaint(input);

    await eventually(async () => {
      const messages = (await harness.records(input.caseId)).partyMessages ?? [];
      expect(messages.map((m) => `${m.template}`)).toEqual(expect.arrayContaining(['major_incident', 'escalation_raised']));
    });
    const record = await harness.caseRecord(input.caseId);
    expect(record.priority).toBe('urgent');
    expect(record.details.escalation).toMatchObject({ level: 'management' });
  });

  it('keeps an open case on the policy it started with when the policy changes', async () => {
    const before = complaintCaseInput(policy);
    const changed: SlaPolicy = {
      ...testSlaPolicy,
      version: 'sla/test-v2',
      rules: testSlaPolicy.rules.map((r) => (r.clock === 'solution' ? { ...r, targetMs: r.targetMs * 2 } : r)),
    };
    const after = complaintCaseInput(policy, { sla: changed });
    await harness.startComplaint(before);
    await harness.startComplaint(after);
    await harness.waitForStatus(before.caseId, 'routed');
    await harness.waitForStatus(after.caseId, 'routed');

    const view = await harness.client.workflow.getHandle(before.caseId).query(caseViewQuery);
    expect(view.policyVersion).toContain('sla/test');
    expect(view.policyVersion).not.toContain('v2');
    const solutionTarget = async (i: typeof before) => (await dueOf(i.caseId, 'solution'))! - Date.parse(i.requestedAt);
    expect(await solutionTarget(after)).toBeGreaterThan((await solutionTarget(before)) * 1.5);
  });
});
