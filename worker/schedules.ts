import { createHash } from 'node:crypto';
import {
  type Client,
  ScheduleAlreadyRunning,
  type ScheduleDescription,
  type ScheduleOptionsStartWorkflowAction,
  ScheduleOverlapPolicy,
  type ScheduleSpec,
  type ScheduleUpdateOptions,
  type Workflow,
} from '@temporalio/client';
import { caseStartPolicies } from '../config/policies/caseStartPolicy';
import { partnerPolicies } from '../config/policies/partnerPolicy';
import { privacyPolicies } from '../config/policies/privacyPolicy';
import { qualityPolicies } from '../config/policies/qualityPolicy';
import type { PolicyProfile } from '../domain/process';
import { caseStartsSchedule } from '../workflows/caseStarts/schedule';
import { partnerReviewSchedule } from '../workflows/partners/schedule';
import { qualitySampleSchedule } from '../workflows/quality/schedule';
import { retentionSchedule } from '../workflows/retention/schedule';

/**
 * The service's scheduled jobs as Temporal Schedules (docs/quality.md, docs/reliability.md), kept
 * by every worker at start-up: missing ones are created, changed ones updated, the rest left
 * alone, so any number of workers may start at once.
 */

/** One job: which workflow to start, every day at a local time or every so often, with what input. */
export type ScheduledWorkflow = {
  /** Unique in the list; with the task queue it names the schedule (scheduleIdOf). */
  name: string;
  workflowType: string;
  /** The workflow's arguments, pinned in the schedule: its policy. A change updates the schedule. */
  args: unknown[];
} & ({ daily: { hour: number; minute: number; timeZone: string } } | { everyMs: number });

/**
 * Every scheduled job of the service, with the policies of the profile. Adding one is one more
 * entry here: a function of its policy that returns a ScheduledWorkflow (see
 * workflows/quality/schedule.ts), its workflow exported from workflows/index.ts.
 */
export function serviceSchedules(profile: PolicyProfile): ScheduledWorkflow[] {
  return [
    qualitySampleSchedule(qualityPolicies[profile]),
    partnerReviewSchedule(partnerPolicies[profile]),
    caseStartsSchedule(caseStartPolicies[profile]),
    retentionSchedule(privacyPolicies[profile]),
  ];
}

/** Each worker fleet (task queue) has its own schedules, which start workflows on that queue. */
export function scheduleIdOf(taskQueue: string, name: string): string {
  return `${taskQueue}.${name}`;
}

export type ScheduleChange = 'created' | 'updated' | 'unchanged';

/** Where a schedule keeps what it was made from, to tell a changed job from the same one. */
const FINGERPRINT = 'scheduleFingerprint';

/**
 * A run missed while the server or the workers were down is still started within this window; the
 * draws are idempotent per day and the reconciler per case, so a catch-up that overlaps a trigger
 * adds nothing.
 */
const CATCHUP_WINDOW = '1 day';

function fingerprint(taskQueue: string, job: ScheduledWorkflow): string {
  return createHash('sha256').update(JSON.stringify({ taskQueue, job, CATCHUP_WINDOW })).digest('hex');
}

function specOf(job: ScheduledWorkflow): ScheduleSpec {
  if ('everyMs' in job) return { intervals: [{ every: job.everyMs }] };
  const { hour, minute, timeZone } = job.daily;
  return { calendars: [{ hour, minute, comment: `daily at ${hour}:${String(minute).padStart(2, '0')}` }], timezone: timeZone };
}

function scheduleOf(taskQueue: string, job: ScheduledWorkflow): ScheduleUpdateOptions<ScheduleOptionsStartWorkflowAction<Workflow>> {
  return {
    spec: specOf(job),
    action: {
      type: 'startWorkflow',
      workflowType: job.workflowType,
      workflowId: scheduleIdOf(taskQueue, job.name),
      taskQueue,
      args: job.args,
      memo: { [FINGERPRINT]: fingerprint(taskQueue, job) },
    },
    // A second run while one is going would only find the day drawn already, or the same cases.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: CATCHUP_WINDOW },
    state: {},
  };
}

/** Pause and its note are the operators': an update of the job keeps them. */
function keepOperatorState(previous: ScheduleDescription): ScheduleUpdateOptions['state'] {
  const { paused, note, remainingActions } = previous.state;
  return { paused, note, remainingActions };
}

async function ensureSchedule(client: Client, taskQueue: string, job: ScheduledWorkflow): Promise<ScheduleChange> {
  const scheduleId = scheduleIdOf(taskQueue, job.name);
  const wanted = scheduleOf(taskQueue, job);
  try {
    await client.schedule.create({ scheduleId, ...wanted });
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  const handle = client.schedule.getHandle(scheduleId);
  const current = await handle.describe();
  if (current.action.memo?.[FINGERPRINT] === fingerprint(taskQueue, job)) return 'unchanged';
  await handle.update((previous) => ({ ...wanted, state: keepOperatorState(previous) }));
  return 'updated';
}

/** Creates or updates each job's schedule; what happened to each, by schedule id. */
export async function ensureSchedules(
  client: Client,
  taskQueue: string,
  jobs: ScheduledWorkflow[],
): Promise<{ scheduleId: string; change: ScheduleChange }[]> {
  const names = jobs.map((j) => j.name);
  if (new Set(names).size !== names.length) throw new Error(`schedule names must be unique: ${names.join(', ')}`);
  const changes = [];
  for (const job of jobs) {
    changes.push({ scheduleId: scheduleIdOf(taskQueue, job.name), change: await ensureSchedule(client, taskQueue, job) });
  }
  return changes;
}
