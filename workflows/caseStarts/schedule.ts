import type { CaseStartPolicy } from '../../config/policies/caseStartPolicy';
import type { ScheduledWorkflow } from '../../worker/schedules';
import { caseStartsWorkflowType, type SettleCaseStartsInput } from './input';

export const caseStartsScheduleName = 'case-starts';

/** The reconciler of case starts, every `everyMs` of the policy, pinning the policy. */
export function caseStartsSchedule(policy: CaseStartPolicy): ScheduledWorkflow {
  const input: SettleCaseStartsInput = { policy };
  return { name: caseStartsScheduleName, workflowType: caseStartsWorkflowType, args: [input], everyMs: policy.everyMs };
}
