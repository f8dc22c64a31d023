import { days } from '../../config/policies/duration';
import type { Segment } from '../../domain/customer';
import { assessEligibility } from '../../workflows/returns/eligibility';
import { exchangeDifference, itemsValue } from '../../workflows/returns/pricing';
import { returnCaseInput, testReturnPolicy } from '../support/returnCases';

const now = new Date('2026-11-22T12:00:00Z');
const deliveredDaysAgo = (n: number) => new Date(now.getTime() - days(n)).toISOString();

function inputDelivered(daysAgo: number, segment: Segment = 'standard') {
  const base = returnCaseInput();
  return { ...base, customer: { ...base.customer, segment }, order: { ...base.order, deliveredAt: deliveredDaysAgo(daysAgo) } };
}

describe('return eligibility', () => {
  it('accepts a standard customer inside the 7-day window and approves an unopened item automatically', () => {
    expect(assessEligibility(inputDelivered(6), now)).toEqual({ eligible: true, autoApprove: true, refundAmount: 8_000 });
  });

  it('refuses a standard customer after the window, but a high-value one still has time', () => {
    expect(assessEligibility(inputDelivered(8), now)).toMatchObject({ eligible: false, reason: 'window_expired' });
    expect(assessEligibility(inputDelivered(8, 'high_value'), now)).toMatchObject({ eligible: true, autoApprove: true });
  });

  it('keeps the tier a case opened before segments claimed, with the policy it pinned', () => {
    const base = inputDelivered(8);
    const legacy = {
      ...base,
      customer: { id: base.customer.id, tier: 'vip' as const, contact: { email: 'old@example.com' } },
      policy: {
        ...base.policy,
        returnWindowMs: { standard: days(7), vip: days(30) },
        autoApprove: { tiers: ['vip' as const], conditions: base.policy.autoApprove.conditions, maxAmount: base.policy.autoApprove.maxAmount },
      },
    };
    expect(assessEligibility(legacy, now)).toMatchObject({ eligible: true, autoApprove: true });
  });

  it('counts the window from purchase when the order has no delivery date', () => {
    const input = inputDelivered(1);
    const noDelivery = { ...input, order: { ...input.order, deliveredAt: undefined, purchasedAt: deliveredDaysAgo(9) } };
    expect(assessEligibility(noDelivery, now)).toMatchObject({ eligible: false, reason: 'window_expired' });
  });

  it('refuses a condition the policy does not accept', () => {
    const input = { ...inputDelivered(1), items: [{ sku: 'SHOE-42', quantity: 1, condition: 'damaged' as const }] };
    expect(assessEligibility(input, now)).toMatchObject({ eligible: false, reason: 'condition_not_accepted' });
  });

  it('keeps the window open to its last millisecond, and says which window has passed', () => {
    const input = inputDelivered(7);
    expect(assessEligibility(input, now)).toMatchObject({ eligible: true });
    expect(assessEligibility(input, new Date(now.getTime() + 1))).toEqual({
      eligible: false,
      reason: 'window_expired',
      detail: 'the standard return window of 7 days has passed',
    });
  });

  it('names the condition it refuses', () => {
    const input = { ...inputDelivered(1), items: [{ sku: 'SHOE-42', quantity: 1, condition: 'damaged' as const }] };
    expect(assessEligibility(input, now)).toEqual({
      eligible: false,
      reason: 'condition_not_accepted',
      detail: 'items in condition "damaged" cannot be returned',
    });
  });

  it('approves a high-value customer without review whatever the items and amount', () => {
    const input = { ...inputDelivered(1, 'high_value'), items: [{ sku: 'SHOE-42', quantity: 1, condition: 'opened' as const }] };
    input.order.lines[0]!.unitPrice = testReturnPolicy.autoApprove.maxAmount * 3;
    expect(assessEligibility(input, now)).toEqual({ eligible: true, autoApprove: true, refundAmount: testReturnPolicy.autoApprove.maxAmount * 3 });
  });

  it('approves up to the limit itself, and only when every item is in an approved condition', () => {
    const atLimit = inputDelivered(1);
    atLimit.order.lines[0]!.unitPrice = testReturnPolicy.autoApprove.maxAmount;
    expect(assessEligibility(atLimit, now)).toMatchObject({ eligible: true, autoApprove: true });
    const mixed = {
      ...inputDelivered(1),
      items: [
        { sku: 'SHOE-42', quantity: 1, condition: 'unopened' as const },
        { sku: 'SOCK-M', quantity: 1, condition: 'opened' as const },
      ],
    };
    expect(assessEligibility(mixed, now)).toMatchObject({ eligible: true, autoApprove: false });
  });

  it('sends opened items and amounts above the limit to review', () => {
    const opened = { ...inputDelivered(1), items: [{ sku: 'SHOE-42', quantity: 1, condition: 'opened' as const }] };
    expect(assessEligibility(opened, now)).toMatchObject({ eligible: true, autoApprove: false });
    const dear = inputDelivered(1);
    dear.order.lines[0]!.unitPrice = testReturnPolicy.autoApprove.maxAmount + 1;
    expect(assessEligibility(dear, now)).toMatchObject({ eligible: true, autoApprove: false });
  });
});

describe('return pricing', () => {
  it('values the returned items at the order price', () => {
    const input = { ...returnCaseInput(), items: [{ sku: 'SOCK-M', quantity: 2, condition: 'unopened' as const }] };
    expect(itemsValue(input)).toBe(2_000);
  });

  it('charges for a dearer replacement and refunds for a cheaper one', () => {
    expect(exchangeDifference(8_000, [{ unitPrice: 9_500, quantity: 1 }])).toBe(1_500);
    expect(exchangeDifference(8_000, [{ unitPrice: 7_000, quantity: 1 }])).toBe(-1_000);
    expect(exchangeDifference(8_000, [{ unitPrice: 8_000, quantity: 1 }])).toBe(0);
    expect(exchangeDifference(8_000, [{ unitPrice: 3_000, quantity: 2 }, { unitPrice: 1_000, quantity: 3 }])).toBe(1_000);
  });
});
