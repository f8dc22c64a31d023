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

const monthsAgo = (n: number) => new Date(Date.now() - n * 30 * 86_400_000).toISOString();

/**
 * A POST /v1/cases repair body for a fresh customer and order of the product and a case for it:
 * by default a phone bought a month ago (in warranty), which the standard policy troubleshoots
 * first and sends to acme-repairs.
 */
export function repairRequest(
  overrides: { item?: Record<string, unknown>; purchasedMonthsAgo?: number; [field: string]: unknown } = {},
) {
  const { item: itemOverrides, purchasedMonthsAgo = 1, ...fields } = overrides;
  const id = randomUUID().slice(0, 8);
  const item = { sku: 'PHONE-X', category: 'phone', serialNumber: `SN-${id}`, ...itemOverrides };
  return {
    type: 'repair',
    channel: 'app',
    customer: { id: `cust-${id}`, tier: 'standard', contact: { email: `owner-${id}@example.com` } },
    order: {
      id: `ord-${id}`,
      purchasedAt: monthsAgo(purchasedMonthsAgo),
      currency: 'EUR',
      lines: [
        { sku: item.sku, quantity: 1, unitPrice: 59_900 },
        { sku: 'CASE-X', quantity: 1, unitPrice: 1_900 },
      ],
    },
    item,
    problem: 'the screen stays black after charging',
    ...fields,
  };
}

/**
 * A POST /v1/cases complaint body for a fresh customer, about no order in particular; the
 * standard rules classify its words as a late delivery (category delivery, skill logistics).
 */
export function complaintRequest(overrides: Record<string, unknown> = {}) {
  const id = randomUUID().slice(0, 8);
  return {
    type: 'complaint',
    channel: 'web',
    customer: { id: `cust-${id}`, tier: 'standard', contact: { email: `unhappy-${id}@example.com` } },
    subject: 'Where is my parcel?',
    description: 'The delivery is a week late and nobody tells me why.',
    ...overrides,
  };
}
