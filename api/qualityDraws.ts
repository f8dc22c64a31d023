import { type Client, ScheduleNotFoundError, ServiceError } from '@temporalio/client';
import { scheduleIdOf } from '../worker/schedules';
import { type QualitySampleInput, qualitySampleWorkflowType } from '../workflows/quality/input';
import { qualitySampleScheduleName } from '../workflows/quality/schedule';
import { dayBefore } from '../workflows/quality/sampleDay';
import { temporalUnavailable } from './caseWorkflows';
import { HttpProblem } from './problem';

/** Long enough to describe the schedule and start one workflow; a caller would rather retry than wait. */
const DEADLINE_MS = 5_000;

/**
 * Draws a past day's quality sample by hand, as the schedule would have (docs/quality.md): with
 * the policy the schedule pins, on its task queue. One workflow per day, and the draw itself is
 * once per day, so asking twice starts nothing new.
 */
export async function startQualityDraw(client: Client, taskQueue: string, day: string): Promise<{ workflowId: string }> {
  const scheduleId = scheduleIdOf(taskQueue, qualitySampleScheduleName);
  try {
    return await client.withDeadline(Date.now() + DEADLINE_MS, async () => {
      const { action } = await client.schedule.getHandle(scheduleId).describe();
      const [pinned] = action.args as [QualitySampleInput];
      const lastOver = dayBefore(new Date(), pinned.policy.timeZone);
      if (day > lastOver) {
        throw new HttpProblem('day-not-over', `${day} is not over in ${pinned.policy.timeZone}; the last day that is: ${lastOver}`, {
          lastDayOver: lastOver,
        });
      }
      const workflowId = `${scheduleId}-by-hand-${day}`;
      const input: QualitySampleInput = { ...pinned, day };
      await client.workflow.start(qualitySampleWorkflowType, {
        workflowId,
        taskQueue: action.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
      return { workflowId };
    });
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) throw temporalUnavailable('the quality schedule is not there yet: a worker creates it when it starts');
    if (err instanceof ServiceError) throw temporalUnavailable('the workflow engine is unreachable; asking again is safe');
    throw err;
  }
}
