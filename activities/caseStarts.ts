import { Context } from '@temporalio/activity';
import { isGrpcServiceError, ServiceError } from '@temporalio/client';
import type { Pool } from 'pg';
import { caseWorkflowStarted, startCaseWorkflow } from '../api/caseWorkflows';
import { dropPendingStart, type KeptStart, pendingStarts, withdrawCase } from '../db/caseStarts';
import { processes } from '../workflows/registry';
import type { CaseStartPort, SettledStarts } from './types';

/** gRPC's INVALID_ARGUMENT: Temporal will refuse the same start every time. */
const INVALID_ARGUMENT = 3;

/** Why a kept start cannot be used to start the case's workflow; null when it can. */
function unusable(kept: KeptStart): string | null {
  if (!kept.start) return 'opened before case starts were kept: there is no input to start its workflow with';
  const { workflowType, input } = kept.start;
  const process = processes.find((p) => (p.caseTypes as readonly string[]).includes(kept.type));
  if (!process) return `no registered process runs ${kept.type} cases`;
  if (workflowType !== process.workflowType) return `the kept workflow type ${workflowType} does not run ${kept.type} cases`;
  if (typeof input !== 'object' || input === null || (input as { caseId?: unknown }).caseId !== kept.caseId) {
    return 'the kept input is not an input for this case';
  }
  return null;
}

function refusedForGood(err: unknown): boolean {
  return err instanceof ServiceError && isGrpcServiceError(err.cause) && err.cause.code === INVALID_ARGUMENT;
}

/**
 * One case: its workflow runs (the API died after starting it, or the customer's retry started
 * it), so only the pending start goes; or it does not, and it is started with the kept input
 * under the case id, which a concurrent start by a retry resolves to the same execution; or it
 * cannot be, and the case is withdrawn with the reason. Case ids and reasons are logged, never the
 * input, which holds what the customer wrote.
 */
async function settle(pool: Pool, kept: KeptStart): Promise<keyof SettledStarts> {
  const { client, log, info } = Context.current();
  const caseId = kept.caseId;
  const about = { caseId, workflowId: caseId };
  try {
    if (await caseWorkflowStarted(client, caseId)) {
      await dropPendingStart(pool, caseId);
      return 'present';
    }
    let reason = unusable(kept);
    if (reason === null) {
      try {
        await startCaseWorkflow(client, info.taskQueue, { workflowType: kept.start!.workflowType, caseId, input: kept.start!.input });
        await dropPendingStart(pool, caseId);
        log.info('case workflow started by the reconciler: its API had stopped before starting it', { ...about, requestedAt: kept.requestedAt });
        return 'started';
      } catch (err) {
        if (!refusedForGood(err)) throw err;
        reason = `Temporal refused the start: ${(err as Error).message}`;
      }
    }
    const withdrawn = await withdrawCase(pool, caseId, reason);
    if (!withdrawn) return 'present';
    log.warn('case withdrawn: its workflow could not be started', { ...about, reason });
    return 'withdrawn';
  } catch (err) {
    log.warn('case start not settled; the next run tries again', { ...about, error: err instanceof Error ? err.message : String(err) });
    return 'failed';
  }
}

/** The reconciler's reads and starts (docs/reliability.md), on the worker's own client and task queue. */
export function createCaseStartActivities(pool: Pool): CaseStartPort {
  return {
    async settleCaseStarts({ olderThan, after, limit, concurrency }) {
      const { taskQueue } = Context.current().info;
      const page = await pendingStarts(pool, { taskQueue, olderThan, after, limit });
      const settled: SettledStarts = { present: 0, started: 0, withdrawn: 0, failed: 0 };
      for (let i = 0; i < page.length; i += concurrency) {
        const outcomes = await Promise.all(page.slice(i, i + concurrency).map((kept) => settle(pool, kept)));
        for (const outcome of outcomes) settled[outcome] += 1;
        Context.current().heartbeat();
      }
      const last = page[page.length - 1];
      const next = page.length === limit && last ? { requestedAt: last.requestedAt, caseId: last.caseId } : null;
      return { settled, next };
    },
  };
}
