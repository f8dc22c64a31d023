import type { RepairCaseInput } from './input';

export interface WarrantyStatus {
  inWarranty: boolean;
  endsAt: string;
}

/**
 * Warranty runs from purchase for the category's months (calendar months, so 24 months from
 * 31 January ends on the last day of January two years on, not in March).
 */
export function warrantyStatus(input: Pick<RepairCaseInput, 'order' | 'item' | 'policy'>, now: Date): WarrantyStatus {
  const purchased = new Date(input.order.purchasedAt);
  const months = input.policy.warrantyMonths[input.item.category] ?? 0;
  const end = new Date(purchased);
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(purchased.getUTCDate(), lastDay));
  return { inWarranty: now.getTime() <= end.getTime(), endsAt: end.toISOString() };
}
