import type { QualityPolicy } from '../../config/policies/qualityPolicy';
import type { ScheduledWorkflow } from '../../worker/schedules';
import { type QualitySampleInput, qualitySampleWorkflowType } from './input';

export const qualitySampleScheduleName = 'quality-sample';

/** The daily draw of the quality sample, at the policy's time, pinning the policy. */
export function qualitySampleSchedule(policy: QualityPolicy): ScheduledWorkflow {
  const input: QualitySampleInput = { policy };
  return {
    name: qualitySampleScheduleName,
    workflowType: qualitySampleWorkflowType,
    args: [input],
    daily: { ...policy.drawAt, timeZone: policy.timeZone },
  };
}
