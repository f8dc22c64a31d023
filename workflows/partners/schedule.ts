import type { PartnerPolicy } from '../../config/policies/partnerPolicy';
import type { ScheduledWorkflow } from '../../worker/schedules';
import { type PartnerReviewInput, partnerReviewWorkflowType } from './input';

/** The daily partner review, at the policy's time, pinning the policy. */
export function partnerReviewSchedule(policy: PartnerPolicy): ScheduledWorkflow {
  const input: PartnerReviewInput = { policy };
  return {
    name: 'partner-review',
    workflowType: partnerReviewWorkflowType,
    args: [input],
    daily: { ...policy.reviewAt, timeZone: policy.timeZone },
  };
}
