import { randomUUID } from 'node:crypto';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/** A POST /v1/cases body for a fresh customer and order. */
export function returnRequest(overrides: Record<string, unknown> = {}) {
  const id = randomUUID().slice(0, 8);
  return {
    type: 'return',
    channel: 'web',
    customer: { id: `cust-${id}`, tier: 'standard', contact: { email: `shopper-${id}@example.com`, phone: '+49 30 5550123' } },
    order: {
      id: `ord-${id}`,
      purchasedAt: daysAgo(4),
      deliveredAt: daysAgo(3),
      currency: 'EUR',
      lines: [
        { sku: 'JACKET-M', quantity: 1, unitPrice: 12_000 },
        { sku: 'CAP-1', quantity: 2, unitPrice: 1_500 },
      ],
    },
    items: [{ sku: 'CAP-1', quantity: 2, condition: 'unopened' }],
    reason: 'changed my mind',
    ...overrides,
  };
}
