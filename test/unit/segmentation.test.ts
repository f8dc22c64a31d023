import { segmentPolicies } from '../../config/policies/segmentPolicy';
import { type OrderFact, standingOf } from '../../domain/segmentation';

const now = new Date('2026-12-01T12:00:00Z');
const policy = segmentPolicies.standard;
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
const order = (age: number, total: number): OrderFact => ({ purchasedAt: daysAgo(age), total });
const segmentOf = (orders: OrderFact[], customerDaysAgo = 800) => standingOf(orders, daysAgo(customerDaysAgo), policy, now).segment;

describe('customer segments from the order history', () => {
  it('puts a customer who spent 1,500.00 in a year, the last order within six months, in high value', () => {
    expect(segmentOf([order(170, 100_000), order(300, 50_000)])).toBe('high_value');
    // A cent less in the year, or the last order a day too long ago, and it is not.
    expect(segmentOf([order(170, 100_000), order(300, 49_999)])).not.toBe('high_value');
    expect(segmentOf([order(181, 100_000), order(300, 50_000)])).not.toBe('high_value');
  });

  it('counts only the last 365 days of spend', () => {
    expect(segmentOf([order(10, 100_000), order(366, 60_000)])).not.toBe('high_value');
  });

  it('calls four orders in a year, the last within three months, loyal', () => {
    expect(segmentOf([order(20, 5_000), order(100, 5_000), order(200, 5_000), order(300, 5_000)])).toBe('loyal');
    expect(segmentOf([order(91, 5_000), order(100, 5_000), order(200, 5_000), order(300, 5_000)])).not.toBe('loyal');
  });

  it('calls a customer of under three months with one or two orders new', () => {
    expect(segmentOf([order(5, 3_000)], 40)).toBe('new');
    expect(segmentOf([order(5, 3_000), order(20, 3_000), order(30, 3_000)], 40)).not.toBe('new');
    expect(segmentOf([order(5, 3_000)], 91)).not.toBe('new');
  });

  it('calls a repeat customer silent for nine months at risk', () => {
    expect(segmentOf([order(270, 3_000), order(500, 3_000)])).toBe('at_risk');
    expect(segmentOf([order(269, 3_000), order(500, 3_000)])).toBe('standard');
    expect(segmentOf([order(400, 3_000)])).toBe('standard');
  });

  it('lets the first rule that holds decide: a recent big spender with many orders is high value, not loyal', () => {
    const orders = [order(5, 50_000), order(30, 50_000), order(60, 50_000), order(80, 50_000)];
    expect(segmentOf(orders)).toBe('high_value');
  });

  it('tags the RFM scores it decided from, 5 the best', () => {
    const { tags, figures } = standingOf([order(10, 200_000), order(40, 10_000)], daysAgo(800), policy, now);
    expect(figures).toEqual({ recencyDays: 10, ordersLastYear: 2, spendLastYear: 210_000, lifetimeOrders: 2, tenureDays: 800 });
    expect(tags).toEqual(['rfm:R5F2M5']);
    expect(standingOf([], daysAgo(3), policy, now).tags).toEqual(['rfm:R1F1M1']);
  });
});
