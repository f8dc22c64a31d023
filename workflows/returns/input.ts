import type { SlaPolicy } from '../../config/policies/slaPolicy';
import type { Channel, Customer, Order } from '../../domain/case';
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
  customer: Customer;
  order: Order;
  items: ReturnItem[];
  reason: string;
  policy: ReturnPolicy & LegacyReviewPolicy;
  /**
   * The service levels, among them the review's target. Absent from cases opened before the review
   * target moved here from the return policy; those keep the deadline they pinned (legacyReview).
   */
  sla?: SlaPolicy;
  requestedAt: string;
}

/**
 * The review target a return opened before 2026-12-01 pinned in its own policy. Read only when the
 * input has no SLA policy; remove once no such case is open.
 */
export interface LegacyReviewPolicy {
  reviewDeadlineMs?: number;
  reviewWarnAt?: number;
}
