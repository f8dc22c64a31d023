import type { SlaPolicy } from '../../config/policies/slaPolicy';
import type { Channel, Customer } from '../../domain/case';
import type { ComplaintPolicy } from './policy';

/** Everything a complaint needs, pinned at intake: its rules and its SLA targets. */
export interface ComplaintCaseInput {
  caseId: string;
  type: 'complaint';
  channel: Channel;
  customer: Customer;
  orderId?: string;
  subject: string;
  description: string;
  policy: ComplaintPolicy;
  sla: SlaPolicy;
  requestedAt: string;
}
