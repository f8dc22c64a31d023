import { z } from 'zod';
import { Segment } from '../../domain/customer';
import type { PolicyProfile } from '../../domain/process';

/**
 * How a customer's order history becomes a segment (docs/policies.md, "Customer segments"). RFM:
 * recency (days since the last order), frequency (orders in the last 365 days), monetary value
 * (spend in the last 365 days, minor units), with the customer's tenure and lifetime order count.
 * Scores 1–5 per measure are tags (rfm:R5F3M4); the first segment rule whose every bound holds
 * decides, `standard` when none does. Thresholds are policy, so marketing can move them.
 */

const days = z.number().int().nonnegative();
const count = z.number().int().nonnegative();
const minorUnits = z.number().int().nonnegative();

/** Bounds on a customer's figures; an absent bound holds. */
export const SegmentBounds = z.object({
  recencyDaysAtMost: days.optional(),
  recencyDaysAtLeast: days.optional(),
  ordersLastYearAtLeast: count.optional(),
  spendLastYearAtLeast: minorUnits.optional(),
  lifetimeOrdersAtLeast: count.optional(),
  lifetimeOrdersAtMost: count.optional(),
  tenureDaysAtMost: days.optional(),
});
export type SegmentBounds = z.infer<typeof SegmentBounds>;

/** Four ascending cut points: below the first scores 1, at or above the last scores 5. */
const Cuts = z.tuple([z.number(), z.number(), z.number(), z.number()]);

export const SegmentPolicy = z
  .object({
    version: z.string().min(1),
    rules: z.array(z.object({ segment: Segment, when: SegmentBounds })).min(1),
    /** Recency cut points in days: more recent scores higher, so these are checked the other way round. */
    recencyCuts: Cuts,
    frequencyCuts: Cuts,
    monetaryCuts: Cuts,
  })
  .meta({ id: 'SegmentPolicy' });
export type SegmentPolicy = z.infer<typeof SegmentPolicy>;

const standard: SegmentPolicy = {
  version: 'segments/2026-12-01',
  rules: [
    // Spent 1,500.00 or more in a year and bought in the last six months.
    { segment: 'high_value', when: { spendLastYearAtLeast: 150_000, recencyDaysAtMost: 180 } },
    // Four or more orders in a year, the last within three months.
    { segment: 'loyal', when: { ordersLastYearAtLeast: 4, recencyDaysAtMost: 90 } },
    // A customer for less than three months, with one or two orders.
    { segment: 'new', when: { tenureDaysAtMost: 90, lifetimeOrdersAtMost: 2 } },
    // Bought more than once, but nothing for nine months.
    { segment: 'at_risk', when: { recencyDaysAtLeast: 270, lifetimeOrdersAtLeast: 2 } },
  ],
  recencyCuts: [30, 90, 180, 365],
  frequencyCuts: [2, 3, 5, 8],
  monetaryCuts: [10_000, 30_000, 80_000, 150_000],
};

/** The same rules: segments depend on history, not on the clock's speed. */
const demo: SegmentPolicy = { ...standard, version: 'segments/2026-12-01-demo' };

export const segmentPolicies = { standard, demo } as const satisfies Record<PolicyProfile, SegmentPolicy>;

for (const policy of Object.values(segmentPolicies)) SegmentPolicy.parse(policy);
