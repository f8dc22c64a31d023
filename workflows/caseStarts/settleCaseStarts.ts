import { continueAsNew, log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CaseStartPort, SettledStarts } from '../../activities/types';
import { activityOptions } from '../../config/policies/activityOptions';
import type { SettleCaseStartsInput, SettleCaseStartsResult } from './input';
import { declareVersioning } from '../lib/versioning';

const starts = proxyActivities<CaseStartPort>(activityOptions.caseStarts);

const nothingSettled = (): SettledStarts => ({ present: 0, started: 0, withdrawn: 0, failed: 0 });

/**
 * The reconciler of case starts (docs/reliability.md), run by its schedule: every case of this
 * task queue whose workflow start was not confirmed within the policy's grace is looked up, page
 * by page, and started or withdrawn. Its history holds counts and cursors, never case data; a run
 * with a long backlog continues as new when its history grows long.
 */
export async function settleCaseStarts({ policy, resume }: SettleCaseStartsInput): Promise<SettleCaseStartsResult> {
  const olderThan = resume?.olderThan ?? new Date(Date.now() - policy.graceMs).toISOString();
  const settled = resume?.settled ?? nothingSettled();
  let after = resume?.after ?? null;
  let pages = resume?.pages ?? 0;
  for (;;) {
    const page = await starts.settleCaseStarts({ olderThan, after, limit: policy.pageSize, concurrency: policy.concurrency });
    pages += 1;
    for (const [outcome, n] of Object.entries(page.settled) as [keyof SettledStarts, number][]) settled[outcome] += n;
    if (!page.next) break;
    after = page.next;
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof settleCaseStarts>({ policy, resume: { olderThan, after, settled, pages } });
    }
  }
  if (settled.started + settled.withdrawn + settled.failed > 0) log.warn('case starts settled', { olderThan, pages, ...settled });
  return { olderThan, pages, ...settled };
}

// A run lasts seconds, a long backlog minutes (its continuations too): it ends on the build that started it.
declareVersioning('PINNED', settleCaseStarts);
