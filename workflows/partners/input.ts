import type { PartnerPolicy } from '../../config/policies/partnerPolicy';
import type { PartnerRef } from '../../domain/partnerStanding';

export const partnerReviewWorkflowType = 'partnerReview';

/** What a review starts with: the policy the schedule pins. */
export interface PartnerReviewInput {
  policy: PartnerPolicy;
}

/** What a review did: how many partners it judged, whom it told operations of, who recovered. */
export interface PartnerReviewResult {
  day: string;
  reviewed: number;
  told: PartnerRef[];
  cleared: PartnerRef[];
}
