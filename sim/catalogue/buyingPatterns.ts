/**
 * How the seeded customers buy, so that segmenting them by recency, frequency and spend finds
 * every kind: a few big recent spenders and frequent buyers, some who bought once lately, some who
 * have not come back for over a year, and most somewhere in between.
 */

export type BuyingPatternName = 'big_spender' | 'frequent' | 'new' | 'lapsed' | 'occasional';

export interface BuyingPattern {
  name: BuyingPatternName;
  /** Relative weight among the customers. */
  weight: number;
  orders: readonly [min: number, max: number];
  /** Days before now of the newest order. */
  newestDaysAgo: readonly [min: number, max: number];
  /** The oldest an order may be, in days before now. */
  oldestDaysAgo: number;
  /** Chance that a line is electronics rather than fashion. */
  electronicsShare: number;
}

/** Two years of history: what the order system keeps. */
export const HISTORY_DAYS = 730;

export const buyingPatterns: readonly BuyingPattern[] = [
  { name: 'big_spender', weight: 8, orders: [6, 14], newestDaysAgo: [0, 30], oldestDaysAgo: HISTORY_DAYS, electronicsShare: 0.6 },
  { name: 'frequent', weight: 12, orders: [10, 20], newestDaysAgo: [0, 45], oldestDaysAgo: HISTORY_DAYS, electronicsShare: 0.15 },
  { name: 'new', weight: 10, orders: [1, 1], newestDaysAgo: [0, 30], oldestDaysAgo: 30, electronicsShare: 0.3 },
  { name: 'lapsed', weight: 15, orders: [1, 4], newestDaysAgo: [370, 500], oldestDaysAgo: HISTORY_DAYS, electronicsShare: 0.3 },
  { name: 'occasional', weight: 55, orders: [2, 6], newestDaysAgo: [20, 330], oldestDaysAgo: HISTORY_DAYS, electronicsShare: 0.25 },
];
