import { randomUUID } from 'node:crypto';
import { seconds } from '../../../config/policies/duration';
import { listWorkItems } from '../../../db/workItems';
import type { InstallationCaseInput } from '../../../workflows/installations/input';
import { installationPolicy, type InstallationPolicy } from '../../../workflows/installations/policy';
import { eventually } from '../../support/eventually';
import { testFeedbackPolicy } from '../../support/feedbackPolicies';
import { WorkflowHarness } from '../../support/workflowHarness';

let harness: WorkflowHarness;
beforeAll(async () => {
  harness = await WorkflowHarness.start('installation-workflow');
});
afterAll(async () => {
  await harness?.close();
});

const policy: InstallationPolicy = { ...installationPolicy.profiles.standard, version: 'installations/test' };
const homefit = { kind: 'installer' as const, id: 'homefit' };

function installationInput(opts: { policy?: InstallationPolicy; offered?: boolean } = {}): InstallationCaseInput {
  return {
    caseId: `case-installation-${randomUUID()}`,
    type: 'installation',
    channel: 'web',
    customer: { id: `cust-${randomUUID().slice(0, 8)}`, segment: 'standard', language: 'zh-CN', advisorId: null },
    feedback: testFeedbackPolicy,
    order: { id: `ord-${randomUUID().slice(0, 8)}`, deliveredAt: new Date(Date.now() - seconds(86_400)).toISOString() },
    item: { sku: 'FRIDGE-9', category: 'large_appliance' },
    installerId: 'homefit',
    ...(opts.offered && { offered: true }),
    policy: opts.policy ?? policy,
    requestedAt: new Date().toISOString(),
  };
}

const customerOf = (input: InstallationCaseInput) => ({ kind: 'customer' as const, id: input.customer.id });

async function booked(input: InstallationCaseInput) {
  await harness.waitForStatus(input.caseId, 'visit_booked');
  return eventually(async () => {
    const record = await harness.caseRecord(input.caseId);
    expect(record.details).toMatchObject({ jobId: expect.any(String), visit: expect.any(Object) });
    return record as typeof record & { details: { jobId: string; visit: { slotId: string; start: string; end: string } } };
  });
}

async function sent(caseId: string, template: string) {
  return ((await harness.records(caseId)).notifications as unknown as { template: string; language?: string; data: Record<string, unknown> }[]).filter(
    (m) => m.template === template,
  );
}

describe('installation workflow', () => {
  it('books the visit with the category’s installer, tells the customer in Chinese, and closes installed on the installer’s report', async () => {
    const input = installationInput();
    const handle = await harness.startInstallation(input);
    const record = await booked(input);
    const { jobId, visit } = record.details;
    expect(record.details).toMatchObject({ installerId: 'homefit' });
    // The installer's report is owed the policy's time after the slot ends.
    expect(record.deadlines).toEqual([
      { name: 'visit', dueAt: visit.end },
      { name: 'visit_report', dueAt: new Date(Date.parse(visit.end) + policy.reportWithinMs).toISOString() },
    ]);
    expect(Date.parse(visit.start)).toBeGreaterThanOrEqual(Date.parse(input.order.deliveredAt));
    expect(await sent(input.caseId, 'installation_booked')).toEqual([
      expect.objectContaining({ language: 'zh-CN', data: expect.objectContaining({ start: visit.start, end: visit.end }) }),
    ]);
    expect((await harness.records(input.caseId)).installations).toEqual([expect.objectContaining({ action: 'booked', installerId: 'homefit', jobId })]);

    // A report about another job is not this case's: refused, and nothing changes.
    await expect(harness.partnerStep(input.caseId, { step: 'installed', partner: homefit, data: { jobId: 'job-other' } })).rejects.toThrow();

    expect(await harness.partnerStep(input.caseId, { step: 'installed', partner: homefit, data: { jobId, notes: 'level, door aligned' } })).toEqual({
      status: 'closed',
    });
    expect(await handle.result()).toEqual({ outcome: 'installed' });
    expect(await sent(input.caseId, 'installation_completed')).toHaveLength(1);
    await eventually(async () => expect((await sent(input.caseId, 'feedback_request')).length).toBe(1));
    // The visit happened: nothing cancelled it afterwards.
    expect(((await harness.records(input.caseId)).installations ?? []).map((r) => r.action)).toEqual(['booked']);
  });

  it('moves the visit when the customer asks, refuses a chosen slot, and cancels the job when the customer cancels', async () => {
    const input = installationInput();
    const handle = await harness.startInstallation(input);
    const { jobId, visit } = (await booked(input)).details;

    await expect(harness.action(input.caseId, 'reschedule', customerOf(input), { slotId: 'slot-x' })).rejects.toMatchObject({
      cause: { type: 'InvalidPayload', message: expect.stringContaining('leave slotId out') },
    });
    expect(await harness.action(input.caseId, 'reschedule', customerOf(input))).toEqual({ status: 'visit_booked' });
    const moved = (await harness.caseRecord(input.caseId)).details as { visit: { slotId: string } };
    expect(moved.visit.slotId).not.toBe(visit.slotId);
    expect(await sent(input.caseId, 'installation_booked')).toHaveLength(2);

    expect(await harness.action(input.caseId, 'cancel', customerOf(input), { reason: 'no longer needed' })).toEqual({ status: 'closed' });
    expect(await handle.result()).toEqual({ outcome: 'cancelled' });
    expect(((await harness.records(input.caseId)).installations ?? []).map((r) => [r.action, r.jobId])).toEqual([
      ['booked', jobId],
      ['rescheduled', jobId],
      ['cancelled', jobId],
    ]);
  });

  it('waits for a remedy after a defect at unboxing, escalates when none comes in time, and closes remedied with the link', async () => {
    const input = installationInput({ policy: { ...policy, remedyWithinMs: seconds(2) } });
    const handle = await harness.startInstallation(input);
    const { jobId } = (await booked(input)).details;

    const defect = 'door seal torn at delivery';
    expect(await harness.partnerStep(input.caseId, { step: 'defect_found', partner: homefit, data: { jobId, defect } })).toEqual({ status: 'defect_found' });
    expect((await harness.caseRecord(input.caseId)).details).toMatchObject({ defect });
    expect(await sent(input.caseId, 'installation_defect_found')).toEqual([expect.objectContaining({ data: expect.objectContaining({ defect }) })]);
    const items = (await listWorkItems(harness.pool, { limit: 1000 })).filter((i) => i.caseId === input.caseId);
    expect(items).toEqual([expect.objectContaining({ kind: 'remedy_installation_defect', queue: 'installations' })]);

    await eventually(async () => expect(await harness.timelineTypes(input.caseId)).toContain('escalation.started'), 20_000);
    const { rows } = await harness.pool.query<{ type: string; at: string; data: Record<string, unknown> }>(
      "SELECT type, at, data FROM case_events WHERE case_id = $1 AND type IN ('installation.defect_found', 'sla.breached') ORDER BY seq",
      [input.caseId],
    );
    expect(rows.map((r) => r.type)).toEqual(['installation.defect_found', 'sla.breached']);
    expect(rows[1]!.data).toEqual({ clock: 'remedy', targetMs: seconds(2) });
    const late = Date.parse(rows[1]!.at) - Date.parse(rows[0]!.at);
    expect(late).toBeGreaterThanOrEqual(seconds(2));
    expect(late).toBeLessThan(seconds(5));

    const link = { caseId: `case-exchange-${randomUUID()}`, type: 'exchange' };
    expect(await harness.action(input.caseId, 'converted', { kind: 'agent', id: 'agent-ana' }, link)).toEqual({ status: 'closed' });
    expect(await handle.result()).toEqual({ outcome: 'defect_remedied' });
    expect(await harness.caseRecord(input.caseId)).toMatchObject({ outcome: 'defect_remedied', details: { convertedTo: link } });
    // The technician came: the job stays as it was.
    expect(((await harness.records(input.caseId)).installations ?? []).map((r) => r.action)).toEqual(['booked']);
  });

  it('offers the visit first when the delivery was reported, books it on the customer’s yes, and lets an unanswered offer lapse on time', async () => {
    const input = installationInput({ offered: true });
    await harness.startInstallation(input);
    await harness.waitForStatus(input.caseId, 'offered');
    await eventually(async () => expect(await sent(input.caseId, 'installation_offered')).toHaveLength(1));
    expect((await harness.records(input.caseId)).installations ?? []).toEqual([]);
    expect(await harness.action(input.caseId, 'accept', customerOf(input))).toEqual({ status: 'visit_booked' });
    expect((await harness.records(input.caseId)).installations).toEqual([expect.objectContaining({ action: 'booked' })]);

    const acceptOfferWithinMs = seconds(2);
    const lapsing = installationInput({ offered: true, policy: { ...policy, acceptOfferWithinMs } });
    const handle = await harness.startInstallation(lapsing);
    expect(await handle.result()).toEqual({ outcome: 'offer_expired' });
    const { rows } = await harness.pool.query<{ type: string; at: string }>(
      "SELECT type, at FROM case_events WHERE case_id = $1 AND type IN ('installation.offered', 'installation.offer_expired') ORDER BY seq",
      [lapsing.caseId],
    );
    const waited = Date.parse(rows[1]!.at) - Date.parse(rows[0]!.at);
    expect(waited).toBeGreaterThanOrEqual(acceptOfferWithinMs);
    expect(waited).toBeLessThan(acceptOfferWithinMs + seconds(3));
    expect((await harness.records(lapsing.caseId)).installations ?? []).toEqual([]);
  });
});
