import type { ComplaintPolicy } from '../config/policies/complaintPolicy';
import type { RepairPolicy } from '../config/policies/repairPolicy';
import type { ReturnPolicy } from '../config/policies/returnPolicy';
import type { SlaPolicy } from '../config/policies/slaPolicy';
import type { CaseType } from '../domain';
import { complaintCaseWorkflowType, complaintPolicyVersion, type ComplaintCaseInput } from '../workflows/complaints/input';
import { repairCaseWorkflowType, type RepairCaseInput } from '../workflows/repairs/input';
import { returnCaseWorkflowType, type ReturnCaseInput } from '../workflows/returns/input';
import type { ApiDeps } from './deps';
import type { ComplaintCaseRequest, CreateCaseRequest, RepairCaseRequest, ReturnCaseRequest } from './schemas/cases';

/**
 * What opening a case involves beyond what every case shares (customer, channel, order): the order
 * lines it claims, the policy it pins, the facts its record shows, and the workflow that runs it.
 */
export interface CaseIntake {
  type: CaseType;
  /** The order the case is about; null for a complaint about none. */
  orderId: string | null;
  lines: { sku: string; quantity: number }[];
  policyVersion: string;
  /** Non-personal facts worth searching or showing; never contact data. */
  details: Record<string, unknown>;
  workflow(caseId: string, requestedAt: string): { workflowType: string; input: { caseId: string } };
}

function returnIntake(body: ReturnCaseRequest, policy: ReturnPolicy): CaseIntake {
  const { type, channel, customer, order, items, reason } = body;
  return {
    type,
    orderId: order.id,
    lines: items.map(({ sku, quantity }) => ({ sku, quantity })),
    policyVersion: policy.version,
    details: { reason, items, channel },
    workflow: (caseId, requestedAt) => {
      const input: ReturnCaseInput = { caseId, type, channel, customer, order, items, reason, policy, requestedAt };
      return { workflowType: returnCaseWorkflowType, input };
    },
  };
}

/** A repair claims the one order line of the product, whatever quantity was bought. */
function repairIntake(body: RepairCaseRequest, policy: RepairPolicy): CaseIntake {
  const { channel, customer, order, item, problem } = body;
  return {
    type: 'repair',
    orderId: order.id,
    lines: [{ sku: item.sku, quantity: 1 }],
    policyVersion: policy.version,
    details: { problem, item, channel },
    workflow: (caseId, requestedAt) => {
      const input: RepairCaseInput = { caseId, type: 'repair', channel, customer, order, item, problem, policy, requestedAt };
      return { workflowType: repairCaseWorkflowType, input };
    },
  };
}

/**
 * A complaint claims no order line: it may be about an order with a return open, or about none.
 * It opens at normal priority; the workflow re-prioritises it once it has classified it.
 */
function complaintIntake(body: ComplaintCaseRequest, policy: ComplaintPolicy, sla: SlaPolicy): CaseIntake {
  const { channel, customer, orderId, subject, description } = body;
  return {
    type: 'complaint',
    orderId: orderId ?? null,
    lines: [],
    policyVersion: complaintPolicyVersion(policy, sla),
    details: { subject, description, channel },
    workflow: (caseId, requestedAt) => {
      const input: ComplaintCaseInput = {
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
      };
      return { workflowType: complaintCaseWorkflowType, input };
    },
  };
}

/** The intake for the request's case type. */
export function intakeFor(body: CreateCaseRequest, policies: ApiDeps['policies']): CaseIntake {
  switch (body.type) {
    case 'repair':
      return repairIntake(body, policies.repairs);
    case 'complaint':
      return complaintIntake(body, policies.complaints, policies.sla);
    default:
      return returnIntake(body, policies.returns);
  }
}
