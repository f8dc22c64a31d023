import type { ScheduleHandle, WorkflowClient } from '@temporalio/client';
import { eventually } from './eventually';

/** Fires a schedule now and answers the result of the run it started. */
export async function triggerAndWait<T>(schedule: ScheduleHandle, workflows: WorkflowClient): Promise<T> {
  const before = (await schedule.describe()).info.recentActions.length;
  await schedule.trigger();
  const action = await eventually(async () => {
    const { recentActions } = (await schedule.describe()).info;
    expect(recentActions.length).toBeGreaterThan(before);
    return recentActions[recentActions.length - 1]!.action;
  });
  return workflows.getHandle(action.workflow.workflowId, action.workflow.firstExecutionRunId).result() as Promise<T>;
}
