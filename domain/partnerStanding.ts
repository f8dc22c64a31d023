import type { PartnerPolicy } from '../config/policies/partnerPolicy';
import { type PartnerReason, reasonFor } from './partnerReasons';

/**
 * How a partner stands against the partner policy (docs/partners.md): each measure that applies
 * to its kind as a share over the look-back window, a verdict per measure, and a flag with the
 * reasons when any measure is below. Pure, so the API's scorecards and the daily review judge alike.
 */

export const partnerKinds = ['supplier', 'brand'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export interface PartnerRef {
  kind: PartnerKind;
  id: string;
}

/** What the database counted for one partner over the window. */
export interface PartnerCounts {
  /** Suppliers: the steps completed in the window, within the policy's time of their request, and by their due time. */
  steps?: { total: number; withinTarget: number; onTime: number };
  /** Brands: returns received in the window whose time is up (due), refunded in time, and still within their time (pending). */
  returns?: { due: number; honoured: number; pending: number };
  /** Ratings given in the window on the partner's cases, and the low ones put on it. */
  ratings: { rated: number; negative: number };
}

/** meets or below the policy; too_few: less volume than the policy judges on. */
export type Verdict = 'meets' | 'below' | 'too_few';

export interface ShareMeasure {
  verdict: Verdict;
  /** What the share is over. */
  volume: number;
  /** Of those, the ones the measure counts (steps in time, returns honoured, negative ratings). */
  count: number;
  /** count / volume; null without volume. */
  share: number | null;
}

export interface PartnerMeasures {
  stepsOnTime?: ShareMeasure & { target: PartnerPolicy['stepsOnTime']; againstDueAt: { onTime: number; late: number } };
  returnsHonoured?: ShareMeasure & { target: PartnerPolicy['returnsHonoured']; pending: number };
  negativeRatings: ShareMeasure & { target: Pick<PartnerPolicy['negativeRatings'], 'maxShare' | 'minVolume'> };
}

export interface PartnerStanding extends PartnerRef {
  measures: PartnerMeasures;
  flagged: boolean;
  /** Why it is flagged, one per measure below the policy; empty when it is not. */
  reasons: PartnerReason[];
}

function shareOf(count: number, volume: number, minVolume: number, meets: (share: number) => boolean): ShareMeasure {
  const share = volume === 0 ? null : count / volume;
  const verdict: Verdict = volume < minVolume || share === null ? 'too_few' : meets(share) ? 'meets' : 'below';
  return { verdict, volume, count, share };
}

function measuresOf(counts: PartnerCounts, policy: PartnerPolicy): PartnerMeasures {
  const { stepsOnTime, returnsHonoured, negativeRatings } = policy;
  const { maxShare, minVolume } = negativeRatings;
  return {
    ...(counts.steps && {
      stepsOnTime: {
        ...shareOf(counts.steps.withinTarget, counts.steps.total, stepsOnTime.minVolume, (s) => s >= stepsOnTime.minShare),
        target: stepsOnTime,
        againstDueAt: { onTime: counts.steps.onTime, late: counts.steps.total - counts.steps.onTime },
      },
    }),
    ...(counts.returns && {
      returnsHonoured: {
        ...shareOf(counts.returns.honoured, counts.returns.due, returnsHonoured.minVolume, (s) => s >= returnsHonoured.minShare),
        target: returnsHonoured,
        pending: counts.returns.pending,
      },
    }),
    negativeRatings: {
      ...shareOf(counts.ratings.negative, counts.ratings.rated, minVolume, (s) => s <= maxShare),
      target: { maxShare, minVolume },
    },
  };
}

export function standingOf(partner: PartnerRef, counts: PartnerCounts, policy: PartnerPolicy): PartnerStanding {
  const measures = measuresOf(counts, policy);
  const reasons = (Object.keys(measures) as (keyof PartnerMeasures)[])
    .filter((name) => measures[name]?.verdict === 'below')
    .map((name) => reasonFor(name, measures));
  return { ...partner, measures, flagged: reasons.length > 0, reasons };
}

/** A partner the daily review found below the policy (db/partnerFlags.ts), open until it recovers. */
export interface PartnerFlag extends PartnerRef {
  /** The review's local day it opened (YYYY-MM-DD, in the policy's time zone); the notice's idempotency key names it. */
  flagDay: string;
  flaggedAt: string;
  reasons: PartnerReason[];
}

/** With nothing counted: a partner without history has a standing of zeros, not none. */
export function emptyCounts(kind: PartnerKind): PartnerCounts {
  const ratings = { rated: 0, negative: 0 };
  return kind === 'supplier'
    ? { steps: { total: 0, withinTarget: 0, onTime: 0 }, ratings }
    : { returns: { due: 0, honoured: 0, pending: 0 }, ratings };
}
