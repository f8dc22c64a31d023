import { z } from 'zod';
import { days, minutes, seconds } from '../../config/policies/duration';
import { Money } from '../../domain/case';
import { Segment } from '../../domain/customer';
import type { PolicySpec } from '../../domain/process';
import { ItemCondition } from './vocabulary';

const durationMs = z.number().int().positive();

/**
 * Rules of the return / exchange process. A case pins the whole policy it started under (it is
 * part of the workflow input), so editing this file changes new cases only. The review's target
 * is a service level, so it lives in the SLA policy (config/policies/slaPolicy.ts, clock `review`).
 */
export const ReturnPolicy = z
  .object({
    version: z.string().min(1),
    /** How long after delivery (or purchase, when delivery is unknown) a return may be requested, by segment. */
    returnWindowMs: z.record(Segment, durationMs),
    eligibleConditions: z.array(ItemCondition).min(1),
    autoApprove: z.object({
      /** Segments approved without review whatever the amount. */
      segments: z.array(Segment),
      /** Conditions approved without review up to maxAmount. */
      conditions: z.array(ItemCondition),
      maxAmount: Money,
    }),
    /** What a review nobody gives by its SLA target decides. */
    onReviewTimeout: z.enum(['approve', 'reject']),
    /** The customer must hand the parcel to the carrier within this time of the label. */
    shipByMs: durationMs,
    surveyWindowMs: durationMs,
  })
  .meta({ id: 'ReturnPolicy' });
export type ReturnPolicy = z.infer<typeof ReturnPolicy>;

const standard: ReturnPolicy = {
  version: 'returns/2026-12-01.2',
  returnWindowMs: { high_value: days(30), loyal: days(14), new: days(7), at_risk: days(7), standard: days(7) },
  eligibleConditions: ['unopened', 'opened', 'defective'],
  autoApprove: { segments: ['high_value'], conditions: ['unopened', 'defective'], maxAmount: 20_000 },
  onReviewTimeout: 'approve',
  shipByMs: days(14),
  surveyWindowMs: days(3),
};

/** Same rules, minutes instead of days, so a demo runs to the end while you watch. */
const demo: ReturnPolicy = {
  ...standard,
  version: 'returns/2026-12-01.2-demo',
  shipByMs: minutes(2),
  surveyWindowMs: seconds(3),
};

export const returnPolicy: PolicySpec<ReturnPolicy> = { schema: ReturnPolicy, profiles: { standard, demo } };
