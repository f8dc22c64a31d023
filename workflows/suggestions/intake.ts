import { z } from 'zod';
import type { SlaPolicy } from '../../config/policies/slaPolicy';
import { Channel, OrderId, Sku } from '../../domain/case';
import { caseCustomer } from '../../domain/caseCustomer';
import { CustomerRef, decidedBy } from '../../domain/intakeFields';
import type { CaseOpening, IntakeRecords } from '../../domain/process';
import { pinnedVersion } from '../lib/pinnedVersion';
import type { SuggestionCaseInput } from './input';
import type { SuggestionPolicy } from './policy';

/** A suggestion may name the order or the product it is about, or neither. */
export const SuggestionCaseRequest = z
  .object({
    type: z.literal('suggestion'),
    channel: Channel,
    customer: CustomerRef,
    orderId: OrderId.optional().meta({ description: 'The order it is about, if any: it must be the customer’s' }),
    order: decidedBy('the order system (send orderId)'),
    sku: Sku.optional().meta({ description: 'The product it is about, if any; with orderId, a line of that order' }),
    text: z.string().min(1).max(5000).meta({ description: 'The suggestion, in the customer’s words; routing reads it' }),
  })
  .meta({ id: 'SuggestionCaseRequest' });
export type SuggestionCaseRequest = z.infer<typeof SuggestionCaseRequest>;

/** A suggestion claims no order line: it asks for nothing back. */
export function openSuggestion(
  body: SuggestionCaseRequest,
  policies: { process: SuggestionPolicy; sla: SlaPolicy },
  records: IntakeRecords,
): CaseOpening<SuggestionCaseInput> {
  const { channel, orderId, sku, text } = body;
  const { process: policy, sla } = policies;
  const customer = caseCustomer(records);
  return {
    type: 'suggestion',
    orderId: orderId ?? null,
    lines: [],
    policyVersion: pinnedVersion(policy, sla),
    details: { suggestion: text, channel },
    workflowInput: (caseId, requestedAt) => ({
      caseId,
      type: 'suggestion',
      channel,
      customer,
      ...(orderId && { orderId }),
      ...(sku && { sku }),
      text,
      policy,
      sla,
      requestedAt,
    }),
  };
}
