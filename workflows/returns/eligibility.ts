import type { ReturnPolicy } from './policy';
import type { ReturnCaseInput } from './input';
import { itemsValue } from './pricing';

export type Eligibility =
  | { eligible: true; autoApprove: boolean; refundAmount: number }
  | { eligible: false; reason: 'window_expired' | 'condition_not_accepted'; detail: string };

/**
 * Pure decision over the pinned policy and the workflow clock, so it replays identically and is
 * unit-tested without a server. The window runs from delivery; purchase date stands in when the
 * order carries no delivery date.
 */
export function assessEligibility(input: ReturnCaseInput, now: Date): Eligibility {
  const policy: ReturnPolicy = input.policy;
  const tier = input.customer.tier;
  const windowStart = Date.parse(input.order.deliveredAt ?? input.order.purchasedAt);
  const windowMs = policy.returnWindowMs[tier] ?? 0;
  if (now.getTime() - windowStart > windowMs) {
    return {
      eligible: false,
      reason: 'window_expired',
      detail: `the ${tier} return window of ${Math.round(windowMs / 86_400_000)} days has passed`,
    };
  }
  const refused = input.items.find((item) => !policy.eligibleConditions.includes(item.condition));
  if (refused) {
    return {
      eligible: false,
      reason: 'condition_not_accepted',
      detail: `items in condition "${refused.condition}" cannot be returned`,
    };
  }
  const refundAmount = itemsValue(input);
  const rules = policy.autoApprove;
  const autoApprove =
    rules.tiers.includes(tier) ||
    (input.items.every((item) => rules.conditions.includes(item.condition)) && refundAmount <= rules.maxAmount);
  return { eligible: true, autoApprove, refundAmount };
}
