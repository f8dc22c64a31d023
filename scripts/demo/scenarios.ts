import { randomUUID } from 'node:crypto';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/** Replacement prices the simulator's warehouse quotes: the larger hoodie costs a little more. */
export const demoCatalog = [
  { sku: 'SNEAKER-43', unitPrice: 8_900 },
  { sku: 'HOODIE-L', unitPrice: 5_900 },
];

/** What the demo does to a case while it runs, beyond letting the simulator drive it. */
export interface DemoScenario {
  title: string;
  expectedOutcome: string;
  request: Record<string, unknown>;
  /** Simulator script, set while the case waits for review so it applies before the label exists. */
  script?: { pickup?: 'auto' | 'never'; inspection?: 'restockable' | 'damaged' };
  review?: 'approve';
  cancelAfterLabel?: boolean;
  survey?: number;
}

function request(
  channel: string,
  tier: 'standard' | 'vip',
  type: 'return' | 'exchange',
  item: Record<string, unknown>,
  deliveredDaysAgo = 2,
) {
  const id = randomUUID().slice(0, 6);
  return {
    type,
    channel,
    customer: { id: `demo-${id}`, tier, contact: { email: `demo-${id}@example.com` } },
    order: {
      id: `order-${id}`,
      purchasedAt: daysAgo(deliveredDaysAgo + 2),
      deliveredAt: daysAgo(deliveredDaysAgo),
      currency: 'EUR',
      lines: [
        { sku: 'SNEAKER-42', quantity: 1, unitPrice: 8_900 },
        { sku: 'HOODIE-M', quantity: 1, unitPrice: 5_500 },
      ],
    },
    items: [{ quantity: 1, ...item }],
    reason: 'demo',
  };
}

export function demoScenarios(): DemoScenario[] {
  return [
    {
      title: 'app: return, approved by policy, refunded',
      expectedOutcome: 'refunded',
      request: request('app', 'standard', 'return', { sku: 'HOODIE-M', condition: 'unopened' }),
      survey: 5,
    },
    {
      title: 'web: exchange for another size',
      expectedOutcome: 'exchanged',
      request: request('web', 'standard', 'exchange', { sku: 'SNEAKER-42', condition: 'unopened', replacementSku: 'SNEAKER-43' }),
    },
    {
      title: 'store: opened item, an agent approves, refunded',
      expectedOutcome: 'refunded',
      request: request('store', 'standard', 'return', { sku: 'SNEAKER-42', condition: 'opened' }),
      review: 'approve',
      survey: 4,
    },
    {
      title: 'marketplace: inspection finds damage',
      expectedOutcome: 'rejected_after_inspection',
      request: request('marketplace', 'standard', 'return', { sku: 'HOODIE-M', condition: 'opened' }),
      script: { inspection: 'damaged' },
      review: 'approve',
    },
    {
      title: 'phone: requested after the return window',
      expectedOutcome: 'not_eligible',
      request: request('phone', 'standard', 'return', { sku: 'HOODIE-M', condition: 'unopened' }, 20),
    },
    {
      title: 'email: customer cancels before shipping, label voided',
      expectedOutcome: 'cancelled_by_customer',
      request: request('email', 'standard', 'return', { sku: 'SNEAKER-42', condition: 'opened' }),
      script: { pickup: 'never' },
      review: 'approve',
      cancelAfterLabel: true,
    },
    {
      title: 'social: VIP exchange, 18 days after delivery',
      expectedOutcome: 'exchanged',
      request: request('social', 'vip', 'exchange', { sku: 'HOODIE-M', condition: 'opened', replacementSku: 'HOODIE-L' }, 18),
    },
  ];
}
