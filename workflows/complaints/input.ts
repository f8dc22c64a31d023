import type { ComplaintPolicy } from '../../config/policies/complaintPolicy';
import type { SlaPolicy } from '../../config/policies/slaPolicy';
import type { Channel, Customer } from '../../domain';

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

export const complaintCaseWorkflowType = 'complaintCase';

/** The versions a complaint pins, as its record and live view name them. */
export function complaintPolicyVersion(policy: ComplaintPolicy, sla: SlaPolicy): string {
  return `${policy.version} + ${sla.version}`;
}
