import type { FeedbackPolicy } from '../../config/policies/feedbackPolicy';
import type { SlaPolicy } from '../../config/policies/slaPolicy';
import type { Channel } from '../../domain/case';
import type { CaseCustomer } from '../../domain/customer';
import type { InquiryPolicy } from './policy';

/** Everything an inquiry needs, pinned at intake. */
export interface InquiryCaseInput {
  caseId: string;
  type: 'inquiry';
  channel: Channel;
  customer: CaseCustomer;
  /** The survey the case ends with (docs/feedback.md). */
  feedback?: FeedbackPolicy;
  orderId?: string;
  sku?: string;
  question: string;
  policy: InquiryPolicy;
  /** Its first_response and solution clocks. */
  sla: SlaPolicy;
  requestedAt: string;
}
