import type { FeedbackPolicy } from '../../config/policies/feedbackPolicy';
import type { Channel, Order } from '../../domain/case';
import type { CaseCustomer } from '../../domain/customer';
import type { RepairPolicy } from './policy';
import type { RepairItem } from './vocabulary';

/** Everything a repair needs, pinned at intake. */
export interface RepairCaseInput {
  caseId: string;
  type: 'repair';
  channel: Channel;
  customer: CaseCustomer;
  /** The survey the case ends with; absent on cases opened before surveys (docs/feedback.md). */
  feedback?: FeedbackPolicy;
  order: Order;
  item: RepairItem;
  problem: string;
  policy: RepairPolicy;
  requestedAt: string;
}
