import { z } from 'zod';
import { CaseEvent, CaseRecord } from '../../domain';
import { CustomerId } from '../../domain/case';
import { ErasureCounts, ErasureGround } from '../../domain/personalData';
import { CaseId } from './caseId';

/** What the privacy routes take and answer (docs/security.md#erasure-and-retention). */

const Count = z.number().int().nonnegative();
const CustomerKeyId = z.string().meta({ description: "The customer's key id: a keyed hash of their id, how the audit names them" });

export const ErasureRequest = z
  .object({
    ground: ErasureGround.exclude(['retention_expired']).meta({
      description: 'Why (PIPL art. 47): the customer asked, withdrew consent, the purpose is fulfilled, or the processing was unlawful',
    }),
  })
  .meta({ id: 'ErasureRequest' });
export type ErasureRequest = z.infer<typeof ErasureRequest>;

export const ErasureAnswer = z
  .object({
    customerId: CustomerId,
    customerKeyId: CustomerKeyId,
    ground: ErasureGround,
    erasedAt: z.iso.datetime({ offset: true }),
    counts: ErasureCounts.extend({
      workflowsEnded: Count.meta({ description: 'Surveys and escalations of closed cases that were still running, ended first' }),
    }),
    auditId: z.string().meta({ description: 'The audit record: GET /v1/privacy/requests' }),
  })
  .meta({ id: 'ErasureAnswer' });
export type ErasureAnswer = z.infer<typeof ErasureAnswer>;

export const CustomerDataExport = z
  .object({
    customerId: CustomerId,
    exportedAt: z.iso.datetime({ offset: true }),
    cases: z
      .array(
        CaseRecord.extend({
          timeline: z.array(CaseEvent),
          notifications: z
            .array(z.object({ template: z.string(), messageId: z.string(), sentAt: z.iso.datetime({ offset: true }) }))
            .meta({ description: 'The messages the customer was sent about the case (the words: docs/notifications.md)' }),
        }),
      )
      .meta({ description: 'Every case the service holds of the customer, oldest first, with its whole timeline' }),
    ratings: z
      .array(
        z.object({
          caseId: CaseId,
          score: z.number().int(),
          nps: z.number().int().nullable(),
          comment: z.string().nullable(),
          at: z.iso.datetime({ offset: true }),
        }),
      )
      .meta({ description: 'The ratings and comments the customer gave, newest first' }),
  })
  .meta({ id: 'CustomerDataExport' });

export const PrivacyRequestsQuery = z.object({
  customerId: CustomerId.optional().meta({ description: "Only this customer's (found by their customer key id)" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().meta({ description: 'nextCursor of the previous page' }),
});

export const PrivacyRequest = z
  .object({
    id: z.string(),
    kind: z.enum(['erasure', 'export', 'retention']),
    customerKeyId: CustomerKeyId.nullable().meta({ description: 'Null for a retention run, which erases the cases of many customers' }),
    ground: ErasureGround.nullable().meta({ description: 'Why data was erased; null for an export' }),
    requester: z
      .object({ role: z.string(), id: z.string() })
      .meta({ description: "The token's role and subject; a customer by their customer key id; a retention run as system/retention" }),
    at: z.iso.datetime({ offset: true }),
    counts: z.record(z.string(), z.union([z.number(), z.string()])),
  })
  .meta({ id: 'PrivacyRequest' });

export const PrivacyRequestList = z
  .object({ items: z.array(PrivacyRequest), nextCursor: z.string().nullable() })
  .meta({ id: 'PrivacyRequestList' });
