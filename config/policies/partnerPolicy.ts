import { z } from 'zod';
import { FeedbackReason } from '../../domain/feedback';
import type { PolicyProfile } from '../../domain/process';
import { days, hours, minutes } from './duration';
import { feedbackPolicies } from './feedbackPolicy';
import { BusinessCalendar } from './slaPolicy';

/**
 * What the shop holds its partners to (docs/partners.md): repair suppliers answer each step in
 * time, partner brands honour their products' returns in time, and neither draws too many low
 * ratings. Each measure is a share over the look-back window, judged only once the partner has
 * the minimum volume in it, so one late step of a quiet week flags nobody.
 */

const durationMs = z.number().int().positive();
const share = z.number().min(0).max(1);
const minVolume = z.number().int().positive().meta({ description: 'Fewer than this in the window: not judged' });

export const PartnerPolicy = z
  .object({
    version: z.string().min(1),
    /** Every day at this local time the review judges every partner and tells operations of new flags. */
    reviewAt: z.object({ hour: z.number().int().min(0).max(23), minute: z.number().int().min(0).max(59) }),
    /** The review's clock, and the day a flag is dated by. */
    timeZone: BusinessCalendar.shape.timeZone,
    /** Every figure counts what happened in this long up to the moment it is read. */
    lookBackMs: durationMs,
    /** Suppliers: the share of steps completed within `withinMs` of being requested. */
    stepsOnTime: z.object({ withinMs: durationMs, minShare: share, minVolume }),
    /** Brands: the share of their products' returns refunded within `withinMs` of reaching the warehouse. */
    returnsHonoured: z.object({ withinMs: durationMs, minShare: share, minVolume }),
    /**
     * Both: the share of the partner's rated cases whose rating was low and put on it (a supplier:
     * as the feedback survey attributed it; a brand: CSAT at most `atMostCsat` with one of
     * `brandReasons`, on a case with its products).
     */
    negativeRatings: z.object({
      maxShare: share,
      minVolume,
      atMostCsat: z.number().int().min(1).max(5),
      brandReasons: z.array(FeedbackReason).min(1),
    }),
  })
  .meta({ id: 'PartnerPolicy' });
export type PartnerPolicy = z.infer<typeof PartnerPolicy>;

const standard: PartnerPolicy = {
  version: 'partners/2026-12-02',
  reviewAt: { hour: 6, minute: 30 },
  timeZone: 'Europe/Berlin',
  lookBackMs: days(30),
  stepsOnTime: { withinMs: hours(48), minShare: 0.9, minVolume: 10 },
  returnsHonoured: { withinMs: days(7), minShare: 0.95, minVolume: 5 },
  // A low rating is one a supervisor follows up: the feedback policy's line.
  negativeRatings: { maxShare: 0.1, minVolume: 5, atMostCsat: feedbackPolicies.standard.followUpAtMostCsat, brandReasons: ['product_quality'] },
};

/** The demo's clocks run in minutes, and a handful of cases is enough to judge. */
const demo: PartnerPolicy = {
  ...standard,
  version: 'partners/2026-12-02-demo',
  lookBackMs: hours(1),
  stepsOnTime: { withinMs: minutes(2), minShare: 0.9, minVolume: 2 },
  returnsHonoured: { withinMs: minutes(5), minShare: 0.95, minVolume: 2 },
  negativeRatings: { ...standard.negativeRatings, minVolume: 2, atMostCsat: feedbackPolicies.demo.followUpAtMostCsat },
};

export const partnerPolicies = { standard, demo } as const satisfies Record<PolicyProfile, PartnerPolicy>;

for (const policy of Object.values(partnerPolicies)) PartnerPolicy.parse(policy);
