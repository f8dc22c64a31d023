import { type ScheduleHandle, ScheduleOverlapPolicy } from '@temporalio/client';
import { startQualityDraw } from '../../../api/qualityDraws';
import { HttpProblem } from '../../../api/problem';
import { qualityPolicies } from '../../../config/policies/qualityPolicy';
import { checkCases } from '../../../db/qualityDraw';
import { ensureSchedules, scheduleIdOf } from '../../../worker/schedules';
import type { QualitySampleSummary } from '../../../workflows/quality/input';
import { qualitySampleSchedule } from '../../../workflows/quality/schedule';
import { dayBefore } from '../../../workflows/quality/sampleDay';
import { eventually } from '../../support/eventually';
import { returnCaseInput } from '../../support/returnCases';
import { badCaseSteps, closedCase, closedCases, daysBefore, noonOf } from '../../support/qualityCases';
import { triggerAndWait } from '../../support/schedules';
import { WorkflowHarness } from '../../support/workflowHarness';

/**
 * The daily quality sample on the real server: the schedule as workers create it at start-up,
 * triggered, drawing yesterday's closed cases (built here) by type and channel.
 */

const policy = qualityPolicies.standard;
let harness: WorkflowHarness;
let schedule: ScheduleHandle;

beforeAll(async () => {
  harness = await WorkflowHarness.start('quality-sample');
  schedule = harness.client.schedule.getHandle(scheduleIdOf(harness.taskQueue, 'quality-sample'));
});
afterAll(async () => {
  await schedule?.delete().catch(() => undefined);
  await harness?.close();
});

async function sampledByStratum(day: string): Promise<Record<string, number>> {
  const { rows } = await harness.pool.query<{ stratum: string; n: number }>(
    `SELECT c.type || '/' || c.channel AS stratum, count(*)::int AS n
       FROM quality_samples s JOIN cases c ON c.id = s.case_id WHERE s.day = $1 GROUP BY 1`,
    [day],
  );
  return Object.fromEntries(rows.map((r) => [r.stratum, r.n]));
}

describe('the quality schedule', () => {
  it('is created once however often workers start, and updated when its policy changes, keeping a pause', async () => {
    const jobs = [qualitySampleSchedule(policy)];
    expect(await ensureSchedules(harness.client, harness.taskQueue, jobs)).toEqual([{ scheduleId: schedule.scheduleId, change: 'created' }]);
    expect(await ensureSchedules(harness.client, harness.taskQueue, jobs)).toEqual([{ scheduleId: schedule.scheduleId, change: 'unchanged' }]);
    await eventually(async () => {
      const ours = [];
      for await (const s of harness.client.schedule.list()) if (s.scheduleId.startsWith(harness.taskQueue)) ours.push(s.scheduleId);
      expect(ours).toEqual([schedule.scheduleId]);
    });
    const described = await schedule.describe();
    expect(described.spec.timezone).toBe('Europe/Berlin');
    expect(described.spec.calendars).toEqual([
      expect.objectContaining({ hour: [expect.objectContaining({ start: 6, end: 6 })], minute: [expect.objectContaining({ start: 0, end: 0 })] }),
    ]);
    expect(described.action).toMatchObject({ workflowType: 'dailyQualitySample', taskQueue: harness.taskQueue, args: [{ policy }] });

    await schedule.pause('checking the books');
    const changed = qualitySampleSchedule({ ...policy, share: 0.2, drawAt: { hour: 5, minute: 30 } });
    expect(await ensureSchedules(harness.client, harness.taskQueue, [changed])).toEqual([{ scheduleId: schedule.scheduleId, change: 'updated' }]);
    const updated = await schedule.describe();
    expect(updated.action.args).toEqual([{ policy: { ...policy, share: 0.2, drawAt: { hour: 5, minute: 30 } } }]);
    expect(updated.spec.calendars).toEqual([expect.objectContaining({ hour: [expect.objectContaining({ start: 5, end: 5 })] })]);
    expect(updated.state).toMatchObject({ paused: true, note: 'checking the books' });

    // Back as shipped, for the draws below.
    expect(await ensureSchedules(harness.client, harness.taskQueue, jobs)).toEqual([{ scheduleId: schedule.scheduleId, change: 'updated' }]);
    await schedule.unpause();
  });

  it('draws a share of yesterday’s closed cases of each type and channel, rounded up, with their process checks; once', async () => {
    const yesterday = dayBefore(new Date(), policy.timeZone);
    const closed = (type: 'return' | 'repair' | 'complaint', channel: 'web' | 'app' | 'phone' | 'store', count: number) =>
      closedCases(harness.pool, count, { type, channel, closedAt: noonOf(yesterday), outcome: type === 'complaint' ? 'resolved' : 'exchanged' });
    await closed('return', 'web', 12);
    await closed('return', 'app', 10);
    await closed('complaint', 'phone', 3);
    const bad = await closedCase(harness.pool, { type: 'repair', channel: 'store', closedAt: noonOf(yesterday), outcome: 'refunded', steps: badCaseSteps });
    const notThatDay = [
      await closedCase(harness.pool, { type: 'repair', channel: 'web', closedAt: noonOf(daysBefore(yesterday, 1)) }),
      await closedCase(harness.pool, { type: 'repair', channel: 'web', closedAt: noonOf(daysBefore(yesterday, -1)) }),
    ];

    const first = await triggerAndWait<QualitySampleSummary>(schedule, harness.client.workflow);

    expect(first).toMatchObject({ day: yesterday, drawnNow: true });
    expect(first.strata).toEqual([
      { type: 'complaint', channel: 'phone', closed: 3, sampled: 1 },
      { type: 'repair', channel: 'store', closed: 1, sampled: 1 },
      { type: 'return', channel: 'app', closed: 10, sampled: 1 },
      { type: 'return', channel: 'web', closed: 12, sampled: 2 },
    ]);
    expect(await sampledByStratum(yesterday)).toEqual({ 'complaint/phone': 1, 'repair/store': 1, 'return/app': 1, 'return/web': 2 });
    const { rows } = await harness.pool.query<{ case_id: string; process_check: Record<string, any> }>(
      'SELECT case_id, process_check FROM quality_samples WHERE day = $1',
      [yesterday],
    );
    expect(rows.map((r) => r.case_id)).not.toEqual(expect.arrayContaining([notThatDay[0]]));
    expect(rows.map((r) => r.case_id)).not.toEqual(expect.arrayContaining([notThatDay[1]]));
    const checks = new Map(rows.map((r) => [r.case_id, r.process_check]));
    expect(checks.get(bad)).toEqual({
      passed: false,
      deadlines: { ok: false, breaches: [{ type: 'supplier_sla.breached', clock: 'received', at: noonOf(yesterday) }] },
      escalations: { ok: false, unescalated: [{ type: 'supplier_sla.breached', clock: 'received', at: noonOf(yesterday) }] },
      refunds: { ok: false, issued: 2, expected: 1 },
      notices: {
        ok: false,
        missed: [
          { template: 'refund_issued', expected: 2, sent: 1 },
          { template: 'visit_booked', expected: 1, sent: 0 },
        ],
      },
    });
    for (const [caseId, check] of checks) if (caseId !== bad) expect(check.passed).toBe(true);

    // The schedule fires again (or a catch-up, or someone by hand): the day stays as drawn.
    const again = await triggerAndWait<QualitySampleSummary>(schedule, harness.client.workflow);
    expect(again).toEqual({ ...first, drawnNow: false });
    expect(await sampledByStratum(yesterday)).toEqual({ 'complaint/phone': 1, 'repair/store': 1, 'return/app': 1, 'return/web': 2 });

    const byHand = await startQualityDraw(harness.client, harness.taskQueue, yesterday);
    expect(await harness.client.workflow.getHandle(byHand.workflowId).result()).toEqual({ ...first, drawnNow: false });
  });

  it('draws, when backfilled, the day before each time it would have fired', async () => {
    const day = '2019-05-01';
    await closedCases(harness.pool, 3, { type: 'complaint', channel: 'web', closedAt: noonOf(day) });
    // 06:00 in Berlin on the next morning is 04:00 UTC in summer.
    await schedule.backfill({ start: new Date('2019-05-02T03:59:00Z'), end: new Date('2019-05-02T04:01:00Z'), overlap: ScheduleOverlapPolicy.ALLOW_ALL });
    await eventually(async () => expect(await sampledByStratum(day)).toEqual({ 'complaint/web': 1 }));
  });

  it('finds nothing wrong with a return that kept its promises, and misses the message a gateway refused', async () => {
    const kept = returnCaseInput();
    const dropped = returnCaseInput();
    // The first two messages of the second return (case_received, return_label) are refused for good and dropped.
    await harness.injectFault('notifications.send', 2, { status: 422, caseId: dropped.caseId });
    for (const input of [kept, dropped]) {
      const handle = await harness.startReturn(input);
      await harness.deliverParcel(input.caseId);
      expect(await handle.result()).toEqual({ outcome: 'refunded' });
    }
    const checks = await eventually(async () => {
      const cases = await Promise.all([kept, dropped].map(async ({ caseId }) => ({ id: caseId, outcome: (await harness.caseRecord(caseId)).outcome })));
      expect(cases.map((c) => c.outcome)).toEqual(['refunded', 'refunded']);
      return checkCases(harness.pool, cases, policy.processCheck);
    });

    expect(checks.get(kept.caseId)).toMatchObject({ passed: true, refunds: { issued: 1, expected: 1 }, notices: { ok: true } });
    expect(checks.get(dropped.caseId)).toMatchObject({
      passed: false,
      refunds: { ok: true },
      notices: { ok: false, missed: [{ template: 'return_label', expected: 1, sent: 0 }] },
    });
  });

  it('draws the same cases for the same day, and refuses by hand a day not over yet', async () => {
    const day = '2019-03-14';
    const ids = await closedCases(harness.pool, 20, { type: 'return', channel: 'store', closedAt: noonOf(day) });
    const drawn = await startQualityDraw(harness.client, harness.taskQueue, day);
    await harness.client.workflow.getHandle(drawn.workflowId).result();
    const { rows } = await harness.pool.query<{ case_id: string }>('SELECT case_id FROM quality_samples WHERE day = $1 ORDER BY case_id', [day]);
    // The order a hash seeded with the date gives, computed here independently.
    const { rows: expected } = await harness.pool.query<{ id: string }>(
      `SELECT id FROM (SELECT id FROM unnest($1::text[]) AS id ORDER BY md5($2 || ':' || id), id LIMIT 2) drawn ORDER BY id`,
      [ids, day],
    );
    expect(rows.map((r) => r.case_id)).toEqual(expected.map((r) => r.id));

    const today = dayBefore(new Date(Date.now() + 86_400_000), policy.timeZone);
    await expect(startQualityDraw(harness.client, harness.taskQueue, today)).rejects.toMatchObject({ kind: 'day-not-over' } satisfies Partial<HttpProblem>);
  });
});
