import type { PrivacyPolicy } from '../../config/policies/privacyPolicy';

export const retentionWorkflowType = 'privacyRetention';

/** What a retention run starts with: the policy the schedule pins. */
export interface RetentionInput {
  policy: PrivacyPolicy;
}

/** What a run erased, summed over its batches. */
export interface RetentionResult {
  closedBefore: string;
  batches: number;
  cases: number;
  dataKeys: number;
}
