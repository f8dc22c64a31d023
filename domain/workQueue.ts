import { z } from 'zod';
import { processes, processOf } from '../workflows/registry';
import type { Channel } from './case';
import type { Process } from './process';
import { enumValues } from './enumValues';

/**
 * Work queues: where the human steps of cases wait, and what an agent's token `queues` claim
 * names. A case sits in the queue of its process; a case opened at a store counter also sits in
 * the store's queue (store staff act for the customer standing there), and a case with an open
 * escalation in the escalations queue until someone acknowledges it.
 */

/** The channel whose cases also sit in the store queue. */
export const storeChannel: Channel = 'store';

const queues = new Set<string>([
  ...processes.flatMap((p) => [p.queue, ...p.workItems.flatMap((rule) => (rule.queue ? [rule.queue] : []))]),
  'store',
  'escalations',
  'follow_ups',
  'quality',
]);
export const WorkQueue = z.enum(enumValues(queues)).meta({ id: 'WorkQueue' });
export type WorkQueue = z.infer<typeof WorkQueue>;

/** Queues whose steps only supervisors may take (their routes refuse agents), so agents are not shown them. */
export const supervisorQueues: WorkQueue[] = ['follow_ups', 'quality'];

/** A low rating's follow-up waiting for a supervisor, as the feedback workflow keeps it on its case (details.feedback). */
export function openFollowUp(details: Record<string, unknown>): boolean {
  const feedback = details.feedback as { followUp?: { open?: unknown } | null } | undefined;
  return feedback?.followUp?.open === true;
}

/** The escalation waiting for an acknowledgement, as the escalation workflow keeps it on its case (details.escalation). */
export function openEscalation(details: Record<string, unknown>): { id: string } | null {
  const escalation = details.escalation as { id?: unknown; open?: unknown } | undefined;
  return escalation?.open === true && typeof escalation.id === 'string' ? { id: escalation.id } : null;
}

export function caseQueues(c: { type: string; status: string; channel: Channel; details: Record<string, unknown> }): WorkQueue[] {
  const process = processOf(c.type);
  const queues = [process.queue, ...stepQueues(process, c)];
  if (c.channel === storeChannel && !queues.includes('store')) queues.push('store');
  if (openEscalation(c.details)) queues.push('escalations');
  if (openFollowUp(c.details)) queues.push('follow_ups');
  return queues;
}

/**
 * The queues a case's status puts its work item in beyond its process's (a suggestion with the
 * product team sits in `product`): whoever works that queue must reach the case to take the step.
 */
function stepQueues(process: Process, c: { status: string; channel: Channel }): WorkQueue[] {
  return process.workItems.flatMap((rule) =>
    rule.queue && rule.status === c.status && (!rule.channel || rule.channel === c.channel) ? [rule.queue as WorkQueue] : [],
  );
}

/**
 * How far an agent whose token names queues reaches: the cases in those queues, and whatever is
 * assigned to them wherever it sits. Queue names are the token's, so an unknown one matches nothing.
 */
export interface QueueScope {
  agentId: string;
  queues: string[];
}

/**
 * The human steps a work queue lists: those the processes declare, an open escalation's
 * acknowledgement, a low rating's follow-up, and a QA review of a case in the daily quality sample.
 */
export const WorkItemKind = z
  .enum(
    enumValues([
      ...processes.flatMap((p) => p.workItems.map((rule) => rule.kind)),
      'acknowledge_escalation',
      'follow_up_low_rating',
      'review_quality_sample',
    ]),
  )
  .meta({ id: 'WorkItemKind' });
export type WorkItemKind = z.infer<typeof WorkItemKind>;
