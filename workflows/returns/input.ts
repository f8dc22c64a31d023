import type { FeedbackPolicy } from '../../config/policies/feedbackPolicy';
import type { SlaPolicy } from '../../config/policies/slaPolicy';
import type { Channel, Order } from '../../domain/case';
import type { CaseCustomer, CustomerClass, LegacyTier, Segment } from '../../domain/customer';
import type { ReturnPolicy } from './policy';
import type { ItemCondition } from './vocabulary';

export interface ReturnItem {
  sku: string;
  quantity: number;
  condition: ItemCondition;
  /** Exchange only: the SKU sent in its place (defaults to the same SKU). */
  replacementSku?: string;
}

/** Everything a return / exchange needs, pinned at intake: later edits to the policy do not reach it. */
export interface ReturnCaseInput {
  caseId: string;
  type: 'return' | 'exchange';
  channel: Channel;
  customer: CaseCustomer;
  /** The survey the case ends with; absent on cases opened before surveys (docs/feedback.md). */
  feedback?: FeedbackPolicy;
  order: Order;
  items: ReturnItem[];
  reason: string;
  policy: PinnedReturnPolicy;
  /**
   * The service levels, among them the review's target. Absent from cases opened before the review
   * target moved here from the return policy; those keep the deadline they pinned (legacyReview).
   */
  sla?: SlaPolicy;
  requestedAt: string;
}

/**
 * The return policy as a case pinned it. Returns opened before segments keyed the window and the
 * auto-approval on the tier the request claimed (`vip`, `tiers`), and those opened before the
 * review target moved to the SLA policy pinned their own review deadline, read only when the input
 * has no SLA policy. Remove the legacy parts once no such case is open.
 */
export type PinnedReturnPolicy = Omit<ReturnPolicy, 'returnWindowMs' | 'autoApprove'> & {
  returnWindowMs: Partial<Record<CustomerClass, number>>;
  autoApprove: Omit<ReturnPolicy['autoApprove'], 'segments'> & { segments?: Segment[]; tiers?: LegacyTier[] };
  reviewDeadlineMs?: number;
  reviewWarnAt?: number;
};
