import { z } from 'zod';
import type { SlaPolicy } from '../../config/policies/slaPolicy';
import { Channel, OrderId } from '../../domain/case';
import { caseCustomer } from '../../domain/caseCustomer';
import { CustomerRef, decidedBy } from '../../domain/intakeFields';
import type { CaseOpening, IntakeRecords } from '../../domain/process';
import { pinnedVersion } from '../lib/pinnedVersion';
import type { ComplaintCaseInput } from './input';
import type { ComplaintPolicy } from './policy';

/** A complaint need not be about an order (rude staff, a website that will not load). */
export const ComplaintCaseRequest = z
  .object({
    type: z.literal('complaint'),
    channel: Channel,
    customer: CustomerRef,
    orderId: OrderId.optional().meta({ description: 'The order it is about, if any: it must be the customer’s' }),
    order: decidedBy('the order system (send orderId)'),
    subject: z.string().min(1).max(200),
    description: z.string().min(1).max(5000).meta({ description: 'What happened, in the customer’s words; classification reads it' }),
  })
  .meta({ id: 'ComplaintCaseRequest' });
export type ComplaintCaseRequest = z.infer<typeof ComplaintCaseRequest>;

/**
 * A complaint claims no order line: it may be about an order with a return open, or about none.
 * It opens at normal priority; the workflow re-prioritises it once it has classified it.
 */
export function openComplaint(
  body: ComplaintCaseRequest,
  policies: { process: ComplaintPolicy; sla: SlaPolicy },
  records: IntakeRecords,
): CaseOpening<ComplaintCaseInput> {
  const { channel, orderId, subject, description } = body;
  const { process: policy, sla } = policies;
  const customer = caseCustomer(records);
  return {
    type: 'complaint',
    orderId: orderId ?? null,
    lines: [],
    policyVersion: pinnedVersion(policy, sla),
    details: { subject, description, channel },
    workflowInput: (caseId, requestedAt) => ({
      caseId,
      type: 'complaint',
      channel,
      customer,
      orderId,
      subject,
      description,
      policy,
      sla,
      requestedAt,
    }),
  };
}

/** A second complaint about the same order, from any channel, is a message on the open one. */
export const joinComplaint = {
  windowMs: (policy: ComplaintPolicy) => policy.joinWindowMs,
  action: (body: ComplaintCaseRequest) => ({
    action: 'message',
    payload: { text: `${body.subject}\n\n${body.description}` },
  }),
};
