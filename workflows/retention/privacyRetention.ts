import { continueAsNew, log, proxyActivities } from '@temporalio/workflow';
import type { RetentionPort } from '../../activities/types';
import { activityOptions } from '../../config/policies/activityOptions';
import type { RetentionInput, RetentionResult } from './input';
import { declareVersioning } from '../lib/versioning';

const store = proxyActivities<RetentionPort>(activityOptions.dailyJob);

/** Batches one run takes before it goes on as a new run: a short history however much there is to erase. */
const BATCHES_PER_RUN = 100;

/**
 * The daily retention run (docs/security.md#erasure-and-retention): erases the personal data of
 * every case closed longer ago than the policy keeps it, a batch (one transaction) at a time,
 * until a batch comes back short. The cut-off is fixed at the run's start, and a run that has
 * taken many batches goes on as a new one with the same cut-off.
 */
export async function privacyRetention(input: RetentionInput & { closedBefore?: string }): Promise<RetentionResult> {
  const { policy } = input;
  const closedBefore = input.closedBefore ?? new Date(Date.now() - policy.retainAfterCloseMs).toISOString();
  const total: RetentionResult = { closedBefore, batches: 0, cases: 0, dataKeys: 0 };
  for (;;) {
    const erased = await store.eraseExpiredCases({ closedBefore, limit: policy.retentionBatchSize });
    total.batches += 1;
    total.cases += erased.cases;
    total.dataKeys += erased.dataKeys;
    if (erased.cases < policy.retentionBatchSize) break;
    if (total.batches >= BATCHES_PER_RUN) {
      log.info('retention goes on in a new run', { ...total });
      await continueAsNew<typeof privacyRetention>({ policy, closedBefore });
    }
  }
  log.info('retention done', { ...total });
  return total;
}

// A run of the daily job lasts minutes (its continuations too): it ends on the build that started it.
declareVersioning('PINNED', privacyRetention);
