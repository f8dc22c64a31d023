import type { ReturnCaseInput } from './input';

/** What the returned items were paid, in minor units, from the order's own prices. */
export function itemsValue(input: Pick<ReturnCaseInput, 'items' | 'order'>): number {
  return input.items.reduce((sum, item) => {
    const line = input.order.lines.find((l) => l.sku === item.sku);
    return sum + (line ? line.unitPrice * item.quantity : 0);
  }, 0);
}

/**
 * Positive: the customer owes the difference for a dearer replacement; negative: they are owed
 * the difference for a cheaper one.
 */
export function exchangeDifference(returnedValue: number, replacements: { unitPrice: number; quantity: number }[]): number {
  return replacements.reduce((sum, r) => sum + r.unitPrice * r.quantity, 0) - returnedValue;
}
