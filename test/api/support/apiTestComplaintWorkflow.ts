import { condition, setHandler } from '@temporalio/workflow';
import { allowedComplaintActions, type ComplaintAction, type ComplaintStatus } from '../../../domain/complaintCase';
import { complaintPolicyVersion, type ComplaintCaseInput } from '../../../workflows/complaints/input';
import { invalidTransition } from '../../../workflows/lib/facts';
import { caseActionUpdate, caseViewQuery } from '../../../workflows/lib/messages';

/**
 * A stand-in for the real complaint workflow under the same type name, like the return one: the
 * domain's transition table, no routing and no clocks. Every complaint starts routed.
 */

const afterAction: Record<ComplaintAction, (status: ComplaintStatus) => ComplaintStatus> = {
  acknowledge: () => 'acknowledged',
  'request-info': () => 'awaiting_customer',
  message: (status) => (status === 'awaiting_customer' ? 'acknowledged' : status),
  'propose-solution': () => 'solution_proposed',
  confirm: () => 'closed',
  reopen: () => 'acknowledged',
  reassign: (status) => status,
  escalate: (status) => status,
};

export async function complaintCase(input: ComplaintCaseInput): Promise<void> {
  let status: ComplaintStatus = 'routed';

  setHandler(caseViewQuery, () => ({
    caseId: input.caseId,
    type: input.type,
    status,
    outcome: null,
    policyVersion: complaintPolicyVersion(input.policy, input.sla),
    deadlines: [],
    allowedActions: [...allowedComplaintActions(status)],
    expectedSteps: [],
    details: {},
  }));

  setHandler(
    caseActionUpdate,
    ({ action }) => {
      status = afterAction[action as ComplaintAction](status);
      return { status };
    },
    {
      validator: ({ action }) => {
        const allowed = allowedComplaintActions(status);
        if (!allowed.includes(action as ComplaintAction)) throw invalidTransition(action, status, allowed);
      },
    },
  );

  await condition(() => status === 'closed');
}
