import { minutes, seconds } from '../../../config/policies/duration';
import type { SlaPolicy } from '../../../config/policies/slaPolicy';
import { addBusinessTime } from '../../../workflows/lib/businessCalendar';
import { caseViewQuery } from '../../../workflows/lib/messages';
import { complaintCaseInput, testComplaintPolicy } from '../../support/complaintCases';
import { eventually } from '../../support/eventually';
import { repairCaseInput } from '../../support/repairCases';
import { returnCaseInput } from '../../support/returnCases';
import { testSlaPolicy, withTarget } from '../../support/slaPolicies';
import { WorkflowHarness } from '../../support/workflowHarness';
import { timerDurationsMs } from '../../support/workflowHistory';

/**
 * When a service level falls due, and that nothing breaches before it: each clock's timer as the
 * workflow history holds it, against the policy's target, and a breach as the timeline records it,
 * against the deadline the case showed. A test that waits for a breach "eventually" passes as
 * well when the clock runs at twice its target.
 */

let harness: WorkflowHarness;
beforeAll(async () => {
  harness = await WorkflowHarness.start('sla-deadlines');
});
afterAll(async () => {
  await harness?.close();
});

const policy = testComplaintPolicy();
const { warnAt } = testSlaPolicy;

async function events(caseId: string, type: string): Promise<{ at: number; data: Record<string, unknown> }[]> {
  const { rows } = await harness.pool.query<{ at: string; data: Record<string, unknown> }>(
    'SELECT at, data FROM case_events WHERE case_id = $1 AND type = $2 ORDER BY seq',
    [caseId, type],
  );
  return rows.map((row) => ({ at: Date.parse(row.at), data: row.data }));
}

async function shownDueAt(caseId: string, clock: string): Promise<number> {
  return eventually(async () => {
    const deadline = (await harness.client.workflow.getHandle(caseId).query(caseViewQuery)).deadlines.find((d) => d.name === clock);
    expect(deadline).toBeDefined();
    return Date.parse(deadline!.dueAt);
  });
}

/** The timers a case has started so far, once it has started `count` of them. */
function timersOf(caseId: string, count: number): Promise<number[]> {
  return eventually(async () => {
    const timers = await timerDurationsMs(harness.client.workflow.getHandle(caseId));
    expect(timers.length).toBeGreaterThanOrEqual(count);
    return timers;
  });
}

describe('service-level clocks', () => {
  it("warn at the policy's share of the target and breach at the target, not before it and not later", async () => {
    const targetMs = seconds(5);
    const input = complaintCaseInput(policy, { sla: withTarget(testSlaPolicy, 'first_response', targetMs) });
    const handle = await harness.startComplaint(input);
    const dueAt = await shownDueAt(input.caseId, 'first_response');
    await eventually(async () => expect(await events(input.caseId, 'sla.breached')).toHaveLength(1), 30_000);

    // The clock started as the complaint was classified, and showed its target from there.
    const [classified] = await events(input.caseId, 'complaint.classified');
    expect(dueAt - classified!.at).toBe(targetMs);
    const [warning] = await events(input.caseId, 'sla.warning');
    const [breach] = await events(input.caseId, 'sla.breached');
    expect(warning!.at - classified!.at).toBeGreaterThanOrEqual(warnAt * targetMs);
    expect(breach!.data).toEqual({ clock: 'first_response', targetMs });
    expect(breach!.at).toBeGreaterThanOrEqual(dueAt);
    expect(breach!.at - dueAt).toBeLessThan(targetMs);
    // In the history: the first timer runs to the warning, the next only to what is left of the
    // target (the solution clock's runs for its own, 30 minutes).
    const [toWarning, toBreach] = (await timerDurationsMs(handle)).filter((ms) => ms <= targetMs);
    expect(toWarning).toBe(warnAt * targetMs);
    expect(toBreach).toBeGreaterThan(0);
    expect(toBreach).toBeLessThanOrEqual((1 - warnAt) * targetMs);
  });

  it("run every complaint clock for its policy's target, counted in business hours where the policy says so", async () => {
    const firstResponseMs = minutes(30);
    const solutionMs = minutes(13);
    const sla: SlaPolicy = {
      ...withTarget(testSlaPolicy, 'solution', solutionMs),
      rules: withTarget(testSlaPolicy, 'solution', solutionMs).rules.map((r) =>
        r.clock === 'first_response' ? { ...r, targetMs: firstResponseMs, businessHours: true } : r,
      ),
    };
    const input = complaintCaseInput(policy, { sla });
    await harness.startComplaint(input);
    const timers = await timersOf(input.caseId, 2);

    const [classified] = await events(input.caseId, 'complaint.classified');
    const start = classified!.at;
    // Whenever the test runs: at 23:00 the first response's warning falls the next working morning.
    const toWarning = addBusinessTime(start, warnAt * firstResponseMs, sla.calendar) - start;
    expect(timers.slice(0, 2)).toEqual([toWarning, warnAt * solutionMs]);
    expect((await shownDueAt(input.caseId, 'first_response')) - start).toBe(addBusinessTime(start, firstResponseMs, sla.calendar) - start);
    expect((await shownDueAt(input.caseId, 'solution')) - start).toBe(solutionMs);
  });

  it("run a return's review for its policy's target", async () => {
    const reviewMs = minutes(17);
    const input = returnCaseInput({
      items: [{ sku: 'SHOE-42', quantity: 1, condition: 'opened' }],
      sla: withTarget(testSlaPolicy, 'review', reviewMs),
    });
    await harness.startReturn(input);
    await harness.waitForStatus(input.caseId, 'under_review');

    expect(await timersOf(input.caseId, 1)).toContain(warnAt * reviewMs);
    const [requested] = await events(input.caseId, 'review.requested');
    expect((await shownDueAt(input.caseId, 'review')) - requested!.at).toBe(reviewMs);
  });

  it("run a supplier's response clock for the repair policy's time, reminding at its share", async () => {
    const responseMs = minutes(19);
    const reminderAt = 0.5;
    const input = repairCaseInput({ policy: { supplierResponseMs: { default: responseMs, bySupplier: {} }, supplierReminderAt: reminderAt } });
    await harness.startRepair(input);
    await harness.waitForStatus(input.caseId, 'troubleshooting');
    await harness.action(input.caseId, 'not_fixed', { kind: 'customer', id: input.customer.id });

    expect(await timersOf(input.caseId, 2)).toContain(reminderAt * responseMs);
    const [ordered] = await events(input.caseId, 'repair.ordered');
    expect((await shownDueAt(input.caseId, 'supplier_received')) - ordered!.at).toBe(responseMs);
  });
});
