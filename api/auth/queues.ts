import { type CaseListFilter, type CaseRecord, caseQueues } from '../../domain';
import type { Principal } from './tokens';

/**
 * Agents work the cases in their queues (the token's `queues` claim; domain/workQueue.ts says
 * which queues a case sits in) and whatever is assigned to them, wherever it sits: routing gives
 * complaints by skill, not by queue. A token without the claim works every queue.
 */
export function queueHolds(agent: Principal, record: CaseRecord): boolean {
  if (!agent.queues) return true;
  return record.assignee === agent.sub || caseQueues(record).some((queue) => agent.queues!.includes(queue));
}

/** The list restriction matching queueHolds. */
export function queueFilter(agent: Principal): Partial<CaseListFilter> {
  return agent.queues ? { queueScope: { agentId: agent.sub, queues: agent.queues } } : {};
}
