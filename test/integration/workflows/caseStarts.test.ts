import type { ScheduleHandle } from '@temporalio/client';
import { caseStartPolicies, type CaseStartPolicy } from '../../../config/policies/caseStartPolicy';
import { minutes, seconds } from '../../../config/policies/duration';
import { ensureSchedules, scheduleIdOf, serviceSchedules } from '../../../worker/schedules';
import type { SettleCaseStartsResult } from '../../../workflows/caseStarts/input';
import { caseStartsSchedule, caseStartsScheduleName } from '../../../workflows/caseStarts/schedule';
import { returnCaseInput } from '../../support/returnCases';
import { triggerAndWait } from '../../support/schedules';
import { WorkflowHarness } from '../../support/workflowHarness';

/**
 * The reconciler of case starts on the real server, run by its schedule as workers create it at
 * start-up: a case whose API died after writing it and before starting its workflow is started
 * with the input kept for it, once older than the grace; one whose workflow runs is left alone;
 * one whose kept start cannot be used is withdrawn, with the reason recorded. Counts are this
 * harness's own: the reconciler settles its task queue's cases only.
 */

// Pages of two, so three cases past the grace take two pages.
const policy: CaseStartPolicy = { ...caseStartPolicies.standard, graceMs: seconds(30), pageSize: 2 };
let harness: WorkflowHarness;
let schedule: ScheduleHandle;

beforeAll(async () => {
  harness = await WorkflowHarness.start('case-starts');
  schedule = harness.client.schedule.getHandle(scheduleIdOf(harness.taskQueue, caseStartsScheduleName));
});
afterAll(async () => {
  await schedule?.delete().catch(() => undefined);
  await harness?.close();
});

const reconcile = () => triggerAndWait<SettleCaseStartsResult>(schedule, harness.client.workflow);
const requestedAgo = (ms: number) => new Date(Date.now() - ms).toISOString();

async function pendingCaseIds(): Promise<string[]> {
  const { rows } = await harness.pool.query<{ case_id: string }>('SELECT case_id FROM pending_case_starts WHERE task_queue = $1 ORDER BY case_id', [
    harness.taskQueue,
  ]);
  return rows.map((row) => row.case_id);
}

async function workflowExists(caseId: string): Promise<boolean> {
  return harness.client.workflow
    .getHandle(caseId)
    .describe()
    .then(
      () => true,
      () => false,
    );
}

it('is a schedule every workers’ start-up keeps, created once however many start at once', async () => {
  expect(serviceSchedules('standard')).toContainEqual(caseStartsSchedule(caseStartPolicies.standard));
  const job = caseStartsSchedule(policy);
  const changes = await Promise.all([1, 2, 3].map(() => ensureSchedules(harness.client, harness.taskQueue, [job])));

  expect(changes.flat().map((c) => c.change).sort()).toEqual(['created', 'unchanged', 'unchanged']);
  const described = await schedule.describe();
  expect(described.spec.intervals).toEqual([expect.objectContaining({ every: minutes(1) })]);
  expect(described.action).toMatchObject({ workflowType: 'settleCaseStarts', taskQueue: harness.taskQueue, args: [{ policy }] });
  // The tests below trigger each run themselves; a run of the schedule's own would take their cases first.
  await schedule.pause('runs triggered by the test');
});

it('starts a case left without its workflow, which then runs as any other; leaves running ones and those within the grace alone', async () => {
  const leftBehind = returnCaseInput({ requestedAt: requestedAgo(minutes(2)) });
  await harness.openReturnLeftBehind(leftBehind);
  // Its API started it, and died before dropping the pending start.
  const started = returnCaseInput({ requestedAt: requestedAgo(minutes(2)) });
  await harness.openReturnLeftBehind(started);
  const running = await harness.client.workflow.start('returnCase', { workflowId: started.caseId, taskQueue: harness.taskQueue, args: [started] });
  // Its API may still be starting it.
  const fresh = returnCaseInput();
  await harness.openReturnLeftBehind(fresh);
  expect(await workflowExists(leftBehind.caseId)).toBe(false);

  const result = await reconcile();

  expect(result).toMatchObject({ started: 1, present: 1, withdrawn: 0, failed: 0 });
  await harness.waitForStatus(leftBehind.caseId, 'label_issued');
  expect(await harness.timelineTypes(leftBehind.caseId)).toEqual(expect.arrayContaining(['case.requested', 'case.approved', 'label.issued']));
  expect((await harness.client.workflow.getHandle(started.caseId).describe()).runId).toBe(running.firstExecutionRunId);
  expect(await workflowExists(fresh.caseId)).toBe(false);
  expect(await pendingCaseIds()).toEqual([fresh.caseId]);

  // Nothing left to do past the grace: a second run changes nothing.
  expect(await reconcile()).toMatchObject({ started: 0, present: 0, withdrawn: 0, failed: 0 });
});

async function withdrawal(caseId: string) {
  const { rows } = await harness.pool.query('SELECT type, customer_id, reason FROM case_withdrawals WHERE case_id = $1', [caseId]);
  return rows;
}

it('withdraws a case whose kept start cannot be used, or that was opened before starts were kept, recording why', async () => {
  const broken = returnCaseInput({ requestedAt: requestedAgo(minutes(2)) });
  await harness.openReturnLeftBehind(broken);
  await harness.pool.query(`UPDATE pending_case_starts SET input = input || '{"caseId": "case-someone-else"}' WHERE case_id = $1`, [broken.caseId]);
  // As migration 0018 found a case that had recorded nothing beyond its request.
  const legacy = returnCaseInput({ requestedAt: requestedAgo(minutes(2)) });
  await harness.openReturnLeftBehind(legacy);
  await harness.pool.query('UPDATE pending_case_starts SET task_queue = NULL, workflow_type = NULL, input = NULL WHERE case_id = $1', [legacy.caseId]);

  const result = await reconcile();

  expect(result).toMatchObject({ started: 0, withdrawn: 2, failed: 0 });
  for (const withdrawn of [broken, legacy]) {
    expect(await workflowExists(withdrawn.caseId)).toBe(false);
    // Gone, so the customer's retry with the same key opens it afresh.
    expect((await harness.pool.query('SELECT 1 FROM cases WHERE id = $1', [withdrawn.caseId])).rowCount).toBe(0);
  }
  expect(await withdrawal(broken.caseId)).toEqual([{ type: 'return', customer_id: broken.customer.id, reason: 'the kept input is not an input for this case' }]);
  expect(await withdrawal(legacy.caseId)).toEqual([
    { type: 'return', customer_id: legacy.customer.id, reason: 'opened before case starts were kept: there is no input to start its workflow with' },
  ]);
});
