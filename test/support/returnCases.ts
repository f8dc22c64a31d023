import { randomUUID } from 'node:crypto';
import { seconds } from '../../config/policies/duration';
import { returnPolicy, type ReturnPolicy } from '../../workflows/returns/policy';
import type { ReturnCaseInput, ReturnItem } from '../../workflows/returns/input';
import { testSlaPolicy } from './slaPolicies';

/** Short clocks: the dev server has no time skipping, so every wait a test may hit is seconds. */
export const testReturnPolicy: ReturnPolicy = {
  ...returnPolicy.profiles.standard,
  version: 'returns/test',
  shipByMs: seconds(30),
  surveyWindowMs: seconds(1),
};

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/** A return for a fresh customer and order, so tests sharing one database never collide. */
export function returnCaseInput(overrides: Partial<ReturnCaseInput> & { items?: ReturnItem[] } = {}): ReturnCaseInput {
  const id = randomUUID().slice(0, 8);
  return {
    caseId: `case-test-${randomUUID()}`,
    type: 'return',
    channel: 'app',
    customer: { id: `cust-${id}`, segment: 'standard', language: 'en', advisorId: null },
    order: {
      id: `ord-${id}`,
      purchasedAt: daysAgo(3),
      deliveredAt: daysAgo(2),
      currency: 'EUR',
      lines: [
        { sku: 'SHOE-42', quantity: 1, unitPrice: 8_000 },
        { sku: 'SOCK-M', quantity: 3, unitPrice: 1_000 },
      ],
    },
    items: [{ sku: 'SHOE-42', quantity: 1, condition: 'unopened' }],
    reason: 'does not fit',
    policy: testReturnPolicy,
    sla: testSlaPolicy,
    requestedAt: new Date().toISOString(),
    ...overrides,
  };
}
