import type { WorkflowHandle } from '@temporalio/client';

/** How long each timer a workflow started was set to run, in the order it started them. */
export async function timerDurationsMs(handle: WorkflowHandle): Promise<number[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? [])
    .map((e) => e.timerStartedEventAttributes?.startToFireTimeout)
    .filter((t) => t !== undefined && t !== null)
    .map((t) => Number(t!.seconds ?? 0) * 1000 + Math.round(Number(t!.nanos ?? 0) / 1e6));
}
