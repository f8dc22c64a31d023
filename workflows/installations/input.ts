import type { FeedbackPolicy } from '../../config/policies/feedbackPolicy';
import type { Channel } from '../../domain/case';
import type { CaseCustomer } from '../../domain/customer';
import type { ProductCategory } from '../repairs/vocabulary';
import type { InstallationPolicy } from './policy';

/** Everything an installation needs, pinned at intake. */
export interface InstallationCaseInput {
  caseId: string;
  type: 'installation';
  channel: Channel;
  customer: CaseCustomer;
  /** The survey the case ends with (docs/feedback.md). */
  feedback?: FeedbackPolicy;
  /** The order as the order system said at intake: the visit is not booked before its delivery. */
  order: { id: string; deliveredAt: string };
  item: { sku: string; category: ProductCategory };
  installerId: string;
  /** Offered when the order system reported the delivery: the customer accepts before a visit is booked. */
  offered?: boolean;
  policy: InstallationPolicy;
  requestedAt: string;
}
