import type { CaseListFilter, CaseRecord } from '../../domain';
import type { Principal } from './tokens';

/**
 * Agents work the cases in their queues (the token's `queues` claim). Cases are not routed to
 * queues yet (issue 4): until they are, every case sits in the one shared queue, so every agent
 * reaches every case. These two functions are the whole hook routing replaces.
 */
export function queueHolds(_agent: Principal, _record: CaseRecord): boolean {
  return true;
}

/** The list restriction matching queueHolds. */
export function queueFilter(_agent: Principal): Partial<CaseListFilter> {
  return {};
}
