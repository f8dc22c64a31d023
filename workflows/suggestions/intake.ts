import { z } from 'zod';
import type { SlaPolicy } from '../../config/policies/slaPolicy';
import { Channel } from '../../domain/case';
import { caseCustomer } from '../../domain/caseCustomer';
import { CustomerRef, optionalOrderFields } from '../../domain/intakeFields';
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
    ...optionalOrderFields,
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
