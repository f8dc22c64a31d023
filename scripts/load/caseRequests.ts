import type { ItemCondition } from '../../workflows/returns/vocabulary';

const SKU = 'LOAD-1';
const UNIT_PRICE = 4_900;

/**
 * A return of one unit for a customer and order of its own (the run id keeps runs on one database
 * apart). Under the standard policy an unopened item at this price is approved automatically;
 * an opened one waits for an agent's review.
 */
export function returnRequest(runId: string, name: string | number, condition: ItemCondition = 'unopened') {
  const id = `${runId}-${name}`;
  const deliveredAt = new Date(Date.now() - 86_400_000).toISOString();
  return {
    type: 'return',
    channel: 'web',
    customer: { id: `load-${id}`, tier: 'standard', contact: { email: `load-${id}@example.com` } },
    order: { id: `order-${id}`, purchasedAt: deliveredAt, deliveredAt, currency: 'EUR', lines: [{ sku: SKU, quantity: 1, unitPrice: UNIT_PRICE }] },
    items: [{ sku: SKU, quantity: 1, condition }],
    reason: 'load test',
  };
}
