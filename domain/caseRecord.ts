import { z } from 'zod';
import { CaseDetails, CaseStatus, CaseType } from '../workflows/registry';
import { Actor, CasePriority, Channel, Deadline, ResolutionKind } from './case';
import { CustomerClass } from './customer';
import type { QueueScope } from './workQueue';

/** A case as the searchable projection in PostgreSQL holds it (eventually consistent with the workflow). */
export const CaseRecord = z
  .object({
    id: z.string(),
    type: CaseType,
    channel: Channel,
    customerId: z.string(),
    customerSegment: CustomerClass.optional().meta({
      description: "Staff only: the customer's segment when the case opened (vip: a case opened before segments)",
    }),
    orderId: z.string().nullable(),
    status: z.string(),
    outcome: z.string().nullable(),
    resolution: ResolutionKind.nullable(),
    priority: CasePriority,
    assignee: z.string().nullable(),
    policyVersion: z.string(),
    buildIds: z.array(z.string()).optional().meta({
      description:
        'Staff only: the build ids of the workers that ran the case, in the order they ran it (docs/versioning.md); empty while only unversioned workers have',
    }),
    deadlines: z.array(Deadline),
    breached: z.boolean(),
    details: CaseDetails,
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    closedAt: z.iso.datetime({ offset: true }).nullable(),
    erasedAt: z.iso.datetime({ offset: true }).nullable().meta({
      description: "When the customer's personal data was erased from the case (their request, or retention): who they were and what anyone wrote is gone, the facts stay",
    }),
  })
  .meta({ id: 'CaseRecord' });
export type CaseRecord = z.infer<typeof CaseRecord>;


/** Which request caused a timeline event and the role it came with: the audit trail of the case. */
export interface RequestAudit {
  requestId: string;
  role: string;
}

export interface OpenCaseInput {
  caseId: string;
  idempotencyKey: string;
  /** Hash of the request body: the same key with a different body is refused, not replayed. */
  requestHash: string;
  /** One of the case types of the process that opens it. */
  type: string;
  /** The status its process starts in, until the workflow records where it went. */
  status: string;
  channel: Channel;
  customerId: string;
  /** The customer's segment from their order history, as intake found it. */
  customerSegment: CustomerClass;
  /** Null for a complaint about no order in particular. */
  orderId: string | null;
  /** Order lines this case claims; a line can be claimed by one open case at a time. */
  lines: { sku: string; quantity: number }[];
  priority: CasePriority;
  policyVersion: string;
  createdAt: string;
  actor: Actor;
  audit: RequestAudit;
  /** Non-personal facts worth searching or showing (reason, items); never contact data. */
  details: Record<string, unknown>;
  /**
   * The workflow to start for it, kept with the case until the start is confirmed, so a case
   * whose API dies before starting it is started by the reconciler. Absent: the caller starts it
   * and needs no reconciler (tests that open case rows of their own).
   */
  pendingStart?: PendingStart;
}

/** What the API is about to start for a new case: on which task queue, which workflow, with what input. */
export interface PendingStart {
  taskQueue: string;
  workflowType: string;
  input: object;
}

export type OpenCaseResult =
  | { kind: 'created' }
  | { kind: 'replayed' }
  | { kind: 'idempotency_mismatch' }
  | { kind: 'line_conflict'; caseId: string; sku: string };

export const CaseListFilter = z.object({
  status: CaseStatus.optional().meta({ description: 'Cases in this status; any status of a registered process' }),
  type: CaseType.optional(),
  channel: Channel.optional(),
  customerId: z.string().min(1).max(64).optional(),
  /** The repair supplier a case is assigned to (its details.supplierId). */
  supplierId: z.string().min(1).max(64).optional(),
  breached: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type CaseListFilter = z.infer<typeof CaseListFilter> & {
  /** Set by the API from an agent's token, never from the query: the queues the agent works. */
  queueScope?: QueueScope;
};
