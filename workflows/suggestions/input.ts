import type { FeedbackPolicy } from '../../config/policies/feedbackPolicy';
import type { SlaPolicy } from '../../config/policies/slaPolicy';
import type { Channel } from '../../domain/case';
import type { CaseCustomer } from '../../domain/customer';
import type { SuggestionPolicy } from './policy';

/** Everything a suggestion needs, pinned at intake. */
export interface SuggestionCaseInput {
  caseId: string;
  type: 'suggestion';
  channel: Channel;
  customer: CaseCustomer;
  /** The survey the case ends with (docs/feedback.md). */
  feedback?: FeedbackPolicy;
  orderId?: string;
  sku?: string;
  text: string;
  policy: SuggestionPolicy;
  /** Pinned with the process policy, as every case's version names both (no clock of it times a suggestion). */
  sla: SlaPolicy;
  requestedAt: string;
}
