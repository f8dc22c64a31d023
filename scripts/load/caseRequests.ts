import type { ItemCondition } from '../../workflows/returns/vocabulary';

const SKU = 'LOAD-1';
const UNIT_PRICE = 4_900;
const DAY_MS = 86_400_000;

/** A case about to be opened: its body, and the order the order system must hold first. */
export interface PreparedReturn {
  body: { type: 'return'; customer: { id: string }; orderId: string } & Record<string, unknown>;
  order: Record<string, unknown>;
}

/**
 * A return of one unit of an order of its own, bought yesterday by a customer of its own (the run
 * id keeps runs on one database apart). The customer is new, so under the standard policy an
 * unopened item at this price is approved automatically; an opened one waits for an agent's review.
 */
export function returnRequest(runId: string, name: string | number, condition: ItemCondition = 'unopened'): PreparedReturn {
  const id = `${runId}-${name}`;
  const customerId = `load-${id}`;
  const orderId = `order-${id}`;
  const deliveredAt = new Date(Date.now() - DAY_MS).toISOString();
  return {
    order: {
      id: orderId,
      customerId,
      customer: { name: customerId, contact: { email: `${customerId}@example.com` } },
      purchasedAt: deliveredAt,
      deliveredAt,
      lines: [{ sku: SKU, quantity: 1, unitPrice: UNIT_PRICE, category: 'apparel' }],
    },
    body: { type: 'return', channel: 'web', customer: { id: customerId }, orderId, items: [{ sku: SKU, quantity: 1, condition }], reason: 'load test' },
  };
}
