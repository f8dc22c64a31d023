import { type QueueScope, storeChannel } from '../domain';
import { processes } from '../workflows/registry';

/** openEscalation (domain/workQueue.ts) in SQL; the partial index cases_open_escalation_idx serves it. */
export const openEscalationSql = `(details->'escalation'->>'open') = 'true'`;
/** openFollowUp (domain/workQueue.ts) in SQL; the partial index cases_open_follow_up_idx serves it. */
export const openFollowUpSql = `(details->'feedback'->'followUp'->>'open') = 'true'`;

/**
 * caseQueues (domain/workQueue.ts) in SQL, built from the same registry: whether a case row sits in
 * one of the scope's queues or is assigned to its agent. `add` numbers each value.
 */
export function inQueueScopeSql(scope: QueueScope, add: (value: unknown) => string): string {
  const types = processes.filter((p) => scope.queues.includes(p.queue)).flatMap((p) => p.caseTypes);
  const held = [`assignee = ${add(scope.agentId)}`, `type = ANY (${add(types)}::text[])`];
  // A work item's own queue (stepQueues in domain/workQueue.ts): the cases in the status that puts it there.
  for (const p of processes) {
    for (const rule of p.workItems) {
      if (!rule.queue || !scope.queues.includes(rule.queue)) continue;
      const channel = rule.channel ? ` AND channel = ${add(rule.channel)}` : '';
      held.push(`(type = ANY (${add(p.caseTypes)}::text[]) AND status = ${add(rule.status)}${channel})`);
    }
  }
  if (scope.queues.includes('store')) held.push(`channel = ${add(storeChannel)}`);
  if (scope.queues.includes('escalations')) held.push(openEscalationSql);
  if (scope.queues.includes('follow_ups')) held.push(openFollowUpSql);
  return `(${held.join(' OR ')})`;
}
