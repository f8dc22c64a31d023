import type { FeedbackPolicy } from '../../config/policies/feedbackPolicy';
import type { Channel } from '../../domain/case';
import type { CaseCustomer } from '../../domain/customer';

/** What a case's feedback survey needs, from the case that closed (docs/feedback.md). */
export interface CaseFeedbackInput {
  caseId: string;
  caseType: string;
  channel: Channel;
  outcome: string;
  customer: CaseCustomer;
  policy: FeedbackPolicy;
  /** The repair supplier the case had, which a low rating for its reasons counts against. */
  supplierId?: string;
}

export const feedbackWorkflowType = 'caseFeedback';

/** One survey per case, so its id follows from the case's. */
export function feedbackWorkflowId(caseId: string): string {
  return `${caseId}:feedback`;
}

/** Survey statuses: asked, answered (a low rating waits for a supervisor's follow-up), or closed unanswered. */
export type FeedbackStatus = 'requested' | 'answered' | 'follow_up' | 'followed_up' | 'expired';
