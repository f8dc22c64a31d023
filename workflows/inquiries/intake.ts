import { z } from 'zod';
import type { SlaPolicy } from '../../config/policies/slaPolicy';
import { Channel } from '../../domain/case';
import { caseCustomer } from '../../domain/caseCustomer';
import { CustomerRef, optionalOrderFields } from '../../domain/intakeFields';
import type { CaseOpening, IntakeRecords } from '../../domain/process';
import { pinnedVersion } from '../lib/pinnedVersion';
import type { InquiryCaseInput } from './input';
import type { InquiryPolicy } from './policy';

/** A question, about an order or a product when the customer names one. */
export const InquiryCaseRequest = z
  .object({
    type: z.literal('inquiry'),
    channel: Channel,
    customer: CustomerRef,
    ...optionalOrderFields,
    question: z.string().trim().min(1).max(2000).meta({ description: 'The question, in the customer’s words, Chinese or English' }),
  })
  .meta({ id: 'InquiryCaseRequest' });
export type InquiryCaseRequest = z.infer<typeof InquiryCaseRequest>;

/** An inquiry claims no order line: it asks a question, not for goods or money back. */
export function openInquiry(
  body: InquiryCaseRequest,
  policies: { process: InquiryPolicy; sla: SlaPolicy },
  records: IntakeRecords,
): CaseOpening<InquiryCaseInput> {
  const { channel, orderId, sku, question } = body;
  const { process: policy, sla } = policies;
  const customer = caseCustomer(records);
  return {
    type: 'inquiry',
    orderId: orderId ?? null,
    lines: [],
    policyVersion: pinnedVersion(policy, sla),
    details: { question, channel },
    workflowInput: (caseId, requestedAt) => ({
      caseId,
      type: 'inquiry',
      channel,
      customer,
      ...(orderId && { orderId }),
      ...(sku && { sku }),
      question,
      policy,
      sla,
      requestedAt,
    }),
  };
}
