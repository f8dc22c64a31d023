import { z } from 'zod';
import { CaseEvent, CaseRecord } from '../../domain';
import { processes } from '../../workflows/registry';
import { CaseId } from './caseId';
import { CaseView } from './caseView';

export const IdempotencyHeaders = z.object({
  'Idempotency-Key': z
    .string({ error: 'the Idempotency-Key header is required' })
    .min(1, 'the Idempotency-Key header must not be empty')
    .max(200, 'the Idempotency-Key header is at most 200 characters'),
});

/**
 * The body of POST /v1/cases: one registered process's request, chosen by `type`. Built from the
 * registry, so a new process's intake is published and enforced without an edit here.
 */
type RequestsOf<T extends readonly unknown[]> = { -readonly [K in keyof T]: T[K] extends { intake: { request: infer R } } ? R : never };
// map() keeps the order but not the tuple type; the union needs to know each member.
const requests = processes.map((p) => p.intake.request) as unknown as RequestsOf<typeof processes>;
export const CreateCaseRequest = z.discriminatedUnion('type', requests).meta({ id: 'CreateCaseRequest' });
export type CreateCaseRequest = z.infer<typeof CreateCaseRequest>;

/** The stored record, with the workflow's own live view when it answered (null when it could not). */
export const CaseWithLiveView = CaseRecord.extend({
  // A union, not CaseView.nullable(): zod-to-openapi 9.1 would mark the shared CaseView component itself nullable.
  live: z.union([CaseView, z.null()]),
  links: z
    .object({
      customer: z
        .string()
        .optional()
        .meta({ description: 'The customer across every channel: GET /v1/customers/{customerId} (absent for suppliers)' }),
    })
    .meta({ description: 'Where to read more' }),
}).meta({ id: 'CaseWithLiveView' });

export const CaseList = z
  .object({ items: z.array(CaseRecord), nextCursor: z.string().nullable() })
  .meta({ id: 'CaseList' });

export const CaseTimeline = z.object({ caseId: CaseId, events: z.array(CaseEvent) }).meta({ id: 'CaseTimeline' });

/** What an action or a partner step answers: the status the case moved to. */
export const StepAck = z.object({ caseId: CaseId, status: z.string() }).meta({ id: 'StepAck' });
