import { z } from 'zod';
import type { CaseType, Channel } from './case';

/**
 * Work queues: where the human steps of cases wait, and what an agent's token `queues` claim
 * names. A case sits in the queue of its type; a case opened at a store counter also sits in the
 * store's queue (store staff act for the customer standing there), and a case with an open
 * escalation in the escalations queue until someone acknowledges it.
 */
export const WorkQueue = z.enum(['returns', 'repairs', 'complaints', 'store', 'escalations']).meta({ id: 'WorkQueue' });
export type WorkQueue = z.infer<typeof WorkQueue>;

export const queueOfCaseType: Record<CaseType, WorkQueue> = {
  return: 'returns',
  exchange: 'returns',
  repair: 'repairs',
  complaint: 'complaints',
};

/** The channel whose cases also sit in the store queue. */
export const storeChannel: Channel = 'store';

/** The escalation waiting for an acknowledgement, as the escalation workflow keeps it on its case (details.escalation). */
export function openEscalation(details: Record<string, unknown>): { id: string } | null {
  const escalation = details.escalation as { id?: unknown; open?: unknown } | undefined;
  return escalation?.open === true && typeof escalation.id === 'string' ? { id: escalation.id } : null;
}

export function caseQueues(c: { type: CaseType; channel: Channel; details: Record<string, unknown> }): WorkQueue[] {
  const queues = [queueOfCaseType[c.type]];
  if (c.channel === storeChannel) queues.push('store');
  if (openEscalation(c.details)) queues.push('escalations');
  return queues;
}

/**
 * How far an agent whose token names queues reaches: the cases in those queues, and whatever is
 * assigned to them wherever it sits. Queue names are the token's, so an unknown one matches nothing.
 */
export interface QueueScope {
  agentId: string;
  queues: string[];
}

/** The human steps a work queue lists. */
export const WorkItemKind = z
  .enum(['review_return', 'acknowledge_complaint', 'answer_complaint', 'approve_quote', 'acknowledge_escalation'])
  .meta({ id: 'WorkItemKind' });
export type WorkItemKind = z.infer<typeof WorkItemKind>;
