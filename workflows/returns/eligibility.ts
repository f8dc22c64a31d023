import { customerClass } from '../../domain/customer';
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
  const { policy } = input;
  const tier = customerClass(input.customer);
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
  // A case opened before segments pinned `tiers`; its tier is its class.
  const approvedClasses: readonly string[] = rules.segments ?? rules.tiers ?? [];
  const autoApprove =
    approvedClasses.includes(tier) ||
    (input.items.every((item) => rules.conditions.includes(item.condition)) && refundAmount <= rules.maxAmount);
  return { eligible: true, autoApprove, refundAmount };
}
