import { z } from 'zod';
import { CustomerTier, ItemCondition, Money } from '../../domain';
import { days, hours, minutes, seconds } from './duration';

const durationMs = z.number().int().positive();

/**
 * Rules of the return / exchange process. A case pins the whole policy it started under (it is
 * part of the workflow input), so editing this file changes new cases only.
 */
export const ReturnPolicy = z
  .object({
    version: z.string().min(1),
    /** How long after delivery (or purchase, when delivery is unknown) a return may be requested. */
    returnWindowMs: z.record(CustomerTier, durationMs),
    eligibleConditions: z.array(ItemCondition).min(1),
    autoApprove: z.object({
      /** Tiers approved without review whatever the amount. */
      tiers: z.array(CustomerTier),
      /** Conditions approved without review up to maxAmount. */
      conditions: z.array(ItemCondition),
      maxAmount: Money,
    }),
    reviewDeadlineMs: durationMs,
    /** Operations are warned when this share of the review time has passed. */
    reviewWarnAt: z.number().gt(0).lt(1),
    onReviewTimeout: z.enum(['approve', 'reject']),
    /** The customer must hand the parcel to the carrier within this time of the label. */
    shipByMs: durationMs,
    surveyWindowMs: durationMs,
  })
  .meta({ id: 'ReturnPolicy' });
export type ReturnPolicy = z.infer<typeof ReturnPolicy>;

const standard: ReturnPolicy = {
  version: 'returns/2026-11-22',
  returnWindowMs: { standard: days(7), vip: days(30) },
  eligibleConditions: ['unopened', 'opened', 'defective'],
  autoApprove: { tiers: ['vip'], conditions: ['unopened', 'defective'], maxAmount: 20_000 },
  reviewDeadlineMs: hours(24),
  reviewWarnAt: 0.8,
  onReviewTimeout: 'approve',
  shipByMs: days(14),
  surveyWindowMs: days(3),
};

/** Same rules, minutes instead of days, so a demo runs to the end while you watch. */
const demo: ReturnPolicy = {
  ...standard,
  version: 'returns/2026-11-22-demo',
  reviewDeadlineMs: seconds(20),
  shipByMs: minutes(2),
  surveyWindowMs: seconds(3),
};

export const returnPolicies = { standard, demo } as const satisfies Record<string, ReturnPolicy>;
export type PolicyProfile = keyof typeof returnPolicies;

/** Validates at load time so a bad edit to this file fails start-up, not a case. */
for (const policy of Object.values(returnPolicies)) ReturnPolicy.parse(policy);
