import type { SettledStarts, StartCursor } from '../../activities/types';
import type { CaseStartPolicy } from '../../config/policies/caseStartPolicy';

export const caseStartsWorkflowType = 'settleCaseStarts';

/**
 * What a run starts with: the policy the schedule pins. A run that continues as new carries where
 * it was (`resume`): the same cut-off, the page to go on from, what it settled so far.
 */
export interface SettleCaseStartsInput {
  policy: CaseStartPolicy;
  resume?: { olderThan: string; after: StartCursor; settled: SettledStarts; pages: number };
}

/** What a run settled, in how many pages, of the cases whose start was not confirmed by `olderThan`. */
export interface SettleCaseStartsResult extends SettledStarts {
  olderThan: string;
  pages: number;
}
