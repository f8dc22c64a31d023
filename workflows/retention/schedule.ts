import type { PrivacyPolicy } from '../../config/policies/privacyPolicy';
import type { ScheduledWorkflow } from '../../worker/schedules';
import { type RetentionInput, retentionWorkflowType } from './input';

export const retentionScheduleName = 'privacy-retention';

/** The daily retention run, at the policy's time, pinning the policy. */
export function retentionSchedule(policy: PrivacyPolicy): ScheduledWorkflow {
  const input: RetentionInput = { policy };
  return {
    name: retentionScheduleName,
    workflowType: retentionWorkflowType,
    args: [input],
    daily: { ...policy.retentionRunAt, timeZone: policy.timeZone },
  };
}
