import { rm } from 'node:fs/promises';
import type { TestRun } from './runState';

/** Stops everything the run started; keeps going past failures so one leak does not cause another. */
export async function disposeTestRun(run: TestRun): Promise<void> {
  const results = await Promise.allSettled([run.temporal?.stop(), run.database?.dispose()]);
  await rm(run.scratchDir, { recursive: true, force: true });
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0) {
    throw new AggregateError(
      failures.map((f) => f.reason),
      `test teardown failed: ${failures.map((f) => String(f.reason)).join('; ')}`,
    );
  }
}
