import type { FeedbackPolicy } from '../../config/policies/feedbackPolicy';
import type { SlaPolicy } from '../../config/policies/slaPolicy';
import type { Channel } from '../../domain/case';
import type { CaseCustomer } from '../../domain/customer';
import type { ComplaintPolicy } from './policy';

/** Everything a complaint needs, pinned at intake: its rules and its SLA targets. */
export interface ComplaintCaseInput {
  caseId: string;
  type: 'complaint';
  channel: Channel;
  customer: CaseCustomer;
  /** The survey the case ends with; absent on cases opened before surveys (docs/feedback.md). */
  feedback?: FeedbackPolicy;
  orderId?: string;
  subject: string;
  description: string;
  policy: PinnedComplaintPolicy;
  sla: SlaPolicy;
  requestedAt: string;
}

/** The complaint policy as a case pinned it; cases opened before advisors and joining pinned neither. */
export type PinnedComplaintPolicy = Omit<ComplaintPolicy, 'joinWindowMs' | 'advisorFirst'> &
  Partial<Pick<ComplaintPolicy, 'joinWindowMs' | 'advisorFirst'>>;
