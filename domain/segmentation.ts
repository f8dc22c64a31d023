import type { SegmentBounds, SegmentPolicy } from '../config/policies/segmentPolicy';
import type { Segment } from './customer';

const DAY_MS = 86_400_000;

/** What segmentation reads of the customer's history. */
export interface OrderFact {
  purchasedAt: string;
  total: number;
}

/** A customer's RFM figures on a day. */
export interface RfmFigures {
  /** Days since the last order; null for a customer with none. */
  recencyDays: number | null;
  ordersLastYear: number;
  spendLastYear: number;
  lifetimeOrders: number;
  tenureDays: number;
}

export interface CustomerStanding {
  segment: Segment;
  /** rfm:R<1-5>F<1-5>M<1-5>, what the segment was decided from. */
  tags: string[];
  figures: RfmFigures;
  policyVersion: string;
}

export function rfmFigures(orders: readonly OrderFact[], customerSince: string, now: Date): RfmFigures {
  const at = now.getTime();
  const ages = orders.map((o) => (at - Date.parse(o.purchasedAt)) / DAY_MS);
  const lastYear = orders.filter((_, i) => ages[i]! <= 365);
  return {
    recencyDays: ages.length ? Math.floor(Math.min(...ages)) : null,
    ordersLastYear: lastYear.length,
    spendLastYear: lastYear.reduce((sum, o) => sum + o.total, 0),
    lifetimeOrders: orders.length,
    tenureDays: Math.floor((at - Date.parse(customerSince)) / DAY_MS),
  };
}

/** 1 below the first cut, 5 at or above the last. */
function score(value: number, cuts: readonly number[]): number {
  return 1 + cuts.filter((cut) => value >= cut).length;
}

function holds(bounds: SegmentBounds, f: RfmFigures): boolean {
  const recency = f.recencyDays ?? Number.POSITIVE_INFINITY;
  const checks: [number | undefined, (bound: number) => boolean][] = [
    [bounds.recencyDaysAtMost, (b) => recency <= b],
    [bounds.recencyDaysAtLeast, (b) => recency >= b],
    [bounds.ordersLastYearAtLeast, (b) => f.ordersLastYear >= b],
    [bounds.spendLastYearAtLeast, (b) => f.spendLastYear >= b],
    [bounds.lifetimeOrdersAtLeast, (b) => f.lifetimeOrders >= b],
    [bounds.lifetimeOrdersAtMost, (b) => f.lifetimeOrders <= b],
    [bounds.tenureDaysAtMost, (b) => f.tenureDays <= b],
  ];
  return checks.every(([bound, check]) => bound === undefined || check(bound));
}

/**
 * The segment and RFM tags a customer's history gives under a policy, on a day. Pure, so intake
 * and the customer view agree, and a test checks every threshold without a server.
 */
export function standingOf(orders: readonly OrderFact[], customerSince: string, policy: SegmentPolicy, now: Date): CustomerStanding {
  const figures = rfmFigures(orders, customerSince, now);
  const recencyScore = figures.recencyDays === null ? 1 : 6 - score(figures.recencyDays, policy.recencyCuts);
  const tag = `rfm:R${recencyScore}F${score(figures.ordersLastYear, policy.frequencyCuts)}M${score(figures.spendLastYear, policy.monetaryCuts)}`;
  const rule = policy.rules.find((r) => holds(r.when, figures));
  return { segment: rule?.segment ?? 'standard', tags: [tag], figures, policyVersion: policy.version };
}
