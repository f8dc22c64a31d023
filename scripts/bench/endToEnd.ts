import type { Client } from '@temporalio/client';
import { measureLoad } from '../load/boundedRun';
import { alternate } from './alternate';
import type { Bench } from './benchStack';
import { openCase } from './cases';
import type { BenchFlags } from './flags';
import type { Figure } from './report';
import { sideBySide } from './stats';

/** How local activities appear in history: one marker each, where a remote activity has three events. */
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

/**
 * How many activities (remote or local) a closed workflow ran, read from its history, so the
 * baseline runs exactly as many whatever the refund's code does now.
 */
export async function activitiesRun(client: Client, workflowId: string): Promise<number> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter(
    (e) => e.activityTaskScheduledEventAttributes || e.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER,
  ).length;
}

/** Opens an automatically approved return and waits for its workflow to close: the simulator plays every partner at once. */
export async function refund(bench: Bench): Promise<string> {
  const caseId = await openCase(bench);
  await bench.stack.client.workflow.getHandle(caseId).result();
  return caseId;
}

/**
 * A refund from the customer's request to the closed case (label, three partner webhooks,
 * restock, refund, survey window, every projection write and notification) against a bare
 * workflow running as many no-op activities, at the same concurrency.
 */
export async function endToEndFigure(bench: Bench, flags: BenchFlags, activities: number): Promise<Figure> {
  const { 'e2e-n': n, 'e2e-concurrency': concurrency, rounds } = flags;
  const { client, taskQueue } = bench.bare;
  bench.progress(`end to end: ${n} bare workflows of ${activities} activities and ${n} refunds in ${rounds} alternating rounds, ${concurrency} at a time`);
  const sides = await alternate(n, rounds, {
    bare: (from, count) =>
      measureLoad(count, concurrency, (i) =>
        client.workflow.execute('bareActivities', { taskQueue, workflowId: `${bench.runId}-activities-${from + i}`, args: [activities] }),
      ),
    ours: (_from, count) => measureLoad(count, concurrency, () => refund(bench)),
  });
  return { figure: 'endToEnd', n, concurrency, activities, ...sideBySide(sides) };
}
