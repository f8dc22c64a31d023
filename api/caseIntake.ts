import type { RepairPolicy } from '../config/policies/repairPolicy';
import type { ReturnPolicy } from '../config/policies/returnPolicy';
import type { CaseType } from '../domain';
import { repairCaseWorkflowType, type RepairCaseInput } from '../workflows/repairs/input';
import { returnCaseWorkflowType, type ReturnCaseInput } from '../workflows/returns/input';
import type { ApiDeps } from './deps';
import { HttpProblem } from './problem';
import {
  SupportedCaseType,
  type CreateCaseRequest,
  type RepairCaseRequest,
  type ReturnCaseRequest,
} from './schemas/cases';

/**
 * What opening a case involves beyond what every case shares (customer, channel, order): the order
 * lines it claims, the policy it pins, the facts its record shows, and the workflow that runs it.
 */
export interface CaseIntake {
  type: CaseType;
  lines: { sku: string; quantity: number }[];
  policyVersion: string;
  /** Non-personal facts worth searching or showing; never contact data. */
  details: Record<string, unknown>;
  workflow(caseId: string, requestedAt: string): { workflowType: string; input: { caseId: string } };
}

function returnIntake(body: ReturnCaseRequest & { type: 'return' | 'exchange' }, policy: ReturnPolicy): CaseIntake {
  const { type, channel, customer, order, items, reason } = body;
  return {
    type,
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
    lines: [{ sku: item.sku, quantity: 1 }],
    policyVersion: policy.version,
    details: { problem, item, channel },
    workflow: (caseId, requestedAt) => {
      const input: RepairCaseInput = { caseId, type: 'repair', channel, customer, order, item, problem, policy, requestedAt };
      return { workflowType: repairCaseWorkflowType, input };
    },
  };
}

/** The intake for the request's case type; a type intake cannot run yet is refused with 422. */
export function intakeFor(body: CreateCaseRequest, policies: ApiDeps['policies']): CaseIntake {
  if (body.type === 'repair') return repairIntake(body, policies.repairs);
  const type = SupportedCaseType.safeParse(body.type);
  if (!type.success) {
    throw new HttpProblem('unsupported-case-type', `${body.type} cases are not supported yet; open a return, an exchange or a repair`);
  }
  return returnIntake({ ...body, type: type.data }, policies.returns);
}
