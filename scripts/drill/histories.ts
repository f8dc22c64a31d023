import { open } from 'node:fs/promises';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/**
 * What the drills that change the code under cases in flight read back: the workflow task failures
 * in each case's history, by cause, and the worker's log lines naming a nondeterminism error (which
 * also catch a task that never completed, so left no failure in the history).
 */

const { WorkflowTaskFailedCause } = temporal.api.enums.v1;
export const NONDETERMINISTIC = WorkflowTaskFailedCause[WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_NON_DETERMINISTIC_ERROR];
const NONDETERMINISM_LOGGED = /nondetermin/i;

/** Adds the workflow task failures of the workflow's history to `byCause`. */
export async function countTaskFailures(handle: WorkflowHandle, byCause: Record<string, number>): Promise<void> {
  for (const event of (await handle.fetchHistory()).events ?? []) {
    const cause = event.workflowTaskFailedEventAttributes?.cause;
    if (cause == null) continue;
    const name = WorkflowTaskFailedCause[cause] ?? String(cause);
    byCause[name] = (byCause[name] ?? 0) + 1;
  }
}

/** Lines the worker logged from `offset` on that name a nondeterminism error. */
export async function nondeterminismLogged(logFile: string, offset = 0): Promise<number> {
  const file = await open(logFile, 'r');
  try {
    const { size } = await file.stat();
    const { buffer } = await file.read({ buffer: Buffer.alloc(Math.max(0, size - offset)), position: offset });
    return buffer.toString('utf8').split('\n').filter((line) => NONDETERMINISM_LOGGED.test(line)).length;
  } finally {
    await file.close();
  }
}
