import type { WorkflowHandle } from '@temporalio/client';
import type { ParcelStep } from '../../workflows/returns/state';
import { type LoadSample, measureLoad, runBounded } from '../load/boundedRun';
import type { Bench } from './benchStack';

/**
 * Two signed carrier scans per case waiting at label_issued: picked up, then delivered. Each is
 * answered only once the workflow took the step. The cases stay open afterwards, waiting for the
 * warehouse, so probing does not change how many cases are open.
 */
export const SCANS: ParcelStep[] = ['picked_up', 'delivered'];

export interface ScanTarget {
  caseId: string;
  trackingNumber: string;
}

/** The label of each case, from the simulator's carrier, as the carrier would know it. */
export function scanTargets(bench: Bench, caseIds: string[], concurrency: number): Promise<ScanTarget[]> {
  return runBounded(caseIds.length, concurrency, async (i) => {
    const caseId = caseIds[i]!;
    const label = (await bench.service.simRecords(caseId)).labels[0];
    if (!label) throw new Error(`case ${caseId} has no label to scan`);
    return { caseId, trackingNumber: label.trackingNumber };
  });
}

/** One scan for every target, `concurrency` at a time; every answer must be 200. */
export function scanPass(bench: Bench, targets: ScanTarget[], type: ParcelStep, concurrency: number): Promise<LoadSample> {
  return measureLoad(targets.length, concurrency, async (i) => {
    const { caseId, trackingNumber } = targets[i]!;
    const res = await bench.service.carrierEvent({ caseId, type, trackingNumber, eventId: `${type}-${caseId}` });
    if (res.status !== 200) throw new Error(`${type} for ${caseId} answered ${res.status}: ${JSON.stringify(res.body)}`);
  });
}

/**
 * Bare workflows that each take one update per scan, then finish; `label` keeps each batch's ids
 * apart. Each has answered a query before it is probed: our cases are running and waiting when
 * scanned, so the baseline's first update must not also pay for its workflow's first task.
 */
export function startBareSteps(bench: Bench, count: number, concurrency: number, label: string): Promise<WorkflowHandle[]> {
  const { client, taskQueue } = bench.bare;
  return runBounded(count, concurrency, async (i) => {
    const handle = await client.workflow.start('bareSteps', { taskQueue, workflowId: `${bench.runId}-${label}-${i}`, args: [SCANS.length] });
    await handle.query('bareTaken');
    return handle;
  });
}

/** One update for every bare workflow, answered by a handler that returns at once. */
export function barePass(handles: WorkflowHandle[], concurrency: number): Promise<LoadSample> {
  return measureLoad(handles.length, concurrency, (i) => handles[i]!.executeUpdate('bareStep'));
}
