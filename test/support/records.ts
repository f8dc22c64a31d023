import type { Segment } from '../../domain/customer';

/**
 * What the simulated order and customer systems must hold before a test request names it: the
 * request's order and the customer's history (which decides their segment). Request builders
 * register them; a client adds them to its simulator just before it sends the first request for
 * that customer, so tests keep building plain request bodies.
 */

export interface SeedLine {
  sku: string;
  quantity: number;
  unitPrice: number;
  category: string;
  returned?: number;
}

export interface OrderSeed {
  id: string;
  channel: string;
  purchasedAt: string;
  deliveredAt: string | null;
  lines: SeedLine[];
}

export interface CustomerSeed {
  profile: {
    name?: string;
    contact?: { email?: string; phone?: string };
    language?: 'zh-CN' | 'en';
    advisorId?: string | null;
    tags?: string[];
  };
  orders: OrderSeed[];
}

const DAY_MS = 86_400_000;
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString();

/** Orders that put a customer in a segment under the standard thresholds (docs/policies.md). */
export function historyFor(segment: Segment, id: string): OrderSeed[] {
  const past = (n: number, age: number, unitPrice: number): OrderSeed => ({
    id: `hist-${id}-${n}`,
    channel: 'web',
    purchasedAt: daysAgo(age),
    deliveredAt: daysAgo(age - 1),
    lines: [{ sku: `PAST-${n}`, quantity: 1, unitPrice, category: 'apparel' }],
  });
  switch (segment) {
    case 'high_value':
      return [past(1, 40, 160_000)];
    case 'loyal':
      return [past(1, 10, 3_000), past(2, 30, 3_000), past(3, 50, 3_000), past(4, 70, 3_000)];
    case 'at_risk':
      return [past(1, 300, 3_000), past(2, 400, 3_000)];
    case 'new':
      return [];
    case 'standard':
      // A customer for over a year with one earlier order: neither new nor lapsed.
      return [past(1, 400, 3_000)];
  }
}

const pending = new Map<string, CustomerSeed>();

/** Registers what a customer's request needs; orders add up when several requests name one customer. */
export function expectCustomer(customerId: string, seed: CustomerSeed): void {
  const earlier = pending.get(customerId);
  pending.set(customerId, earlier ? { profile: { ...earlier.profile, ...seed.profile }, orders: [...earlier.orders, ...seed.orders] } : seed);
}

/** Adds what the body's customer needs to the simulator, once: a second request for them finds it there. */
export async function addExpectedRecords(simulatorUrl: string, body: unknown): Promise<void> {
  const customerId = (body as { customer?: { id?: unknown } } | undefined)?.customer?.id;
  if (typeof customerId !== 'string') return;
  const seed = pending.get(customerId);
  if (!seed) return;
  pending.delete(customerId);
  for (const order of seed.orders) {
    const res = await fetch(`${simulatorUrl}/sim/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...order, customerId, customer: seed.profile }),
    });
    if (!res.ok) throw new Error(`the simulator refused order ${order.id}: ${res.status} ${await res.text()}`);
  }
}
