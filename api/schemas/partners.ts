import { z } from 'zod';
import { enumValues } from '../../domain/enumValues';
import { partnerReasonCodes } from '../../domain/partnerReasons';
import { partnerKinds, type PartnerStanding as Standing } from '../../domain/partnerStanding';
import { SupplierScorecard } from './suppliers';
import { PartnerId } from './webhooks';

/** The partner governance routes (docs/partners.md): every partner's standing, and one partner's scorecard. */

export const PartnerKind = z
  .enum(partnerKinds)
  .meta({ id: 'PartnerKind', description: 'A repair supplier, or a brand whose products the shop sells' });

export const PartnerParams = z.object({ kind: PartnerKind, id: PartnerId });

const Count = z.number().int().nonnegative();
const Share = z.number().min(0).max(1);
const DurationMs = z.number().int().positive();

const measure = {
  verdict: z
    .enum(['meets', 'below', 'too_few'])
    .meta({ id: 'PartnerVerdict', description: 'Against the policy; too_few: less volume in the window than the policy judges on' }),
  volume: Count.meta({ description: 'What the share is over' }),
  count: Count.meta({ description: 'Of those, the ones the measure counts' }),
  share: Share.nullable().meta({ description: 'count / volume; null without volume' }),
};
const minVolume = Count.meta({ description: 'Less volume than this in the window is not judged' });

const StepsOnTime = z
  .object({
    ...measure,
    target: z.object({ withinMs: DurationMs, minShare: Share, minVolume }),
    againstDueAt: z
      .object({ onTime: Count, late: Count })
      .meta({ description: "The same steps against each step's own due time (the supplier's response time in the repair policy)" }),
  })
  .meta({
    id: 'PartnerStepsOnTime',
    description: 'Suppliers: steps completed in the window (volume), of them within target.withinMs of the request (count)',
  });

const ReturnsHonoured = z
  .object({
    ...measure,
    target: z.object({ withinMs: DurationMs, minShare: Share, minVolume }),
    pending: Count.meta({ description: 'Returns received in the window, not refunded yet and still within their time: not counted yet' }),
  })
  .meta({
    id: 'PartnerReturnsHonoured',
    description:
      "Brands: returns of the brand's products received at the warehouse in the window whose time is up or that were refunded " +
      '(volume), of them refunded within target.withinMs of the receipt (count); returns the inspection refused are owed ' +
      'nothing and not counted',
  });

const NegativeRatings = z
  .object({ ...measure, target: z.object({ maxShare: Share, minVolume }) })
  .meta({
    id: 'PartnerNegativeRatings',
    description:
      "Ratings given in the window on the partner's cases (volume), of them low ones put on the partner (count): for a supplier " +
      "as the survey attributed them, for a brand a low CSAT for the product's quality",
  });

const PartnerReason = z
  .object({
    code: z.enum(enumValues(Object.values(partnerReasonCodes))),
    text: z.object({ en: z.string(), 'zh-CN': z.string() }).meta({ description: 'The reason with its figures, in both languages' }),
  })
  .meta({ id: 'PartnerReason' });

const Window = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .meta({ description: "The look-back window the figures count: the policy's lookBackMs up to the moment of the request" });

/** `satisfies` keeps the published shape in step with what the standing computes. */
export const PartnerStanding = z
  .object({
    kind: PartnerKind,
    id: z.string(),
    measures: z.object({ stepsOnTime: StepsOnTime.optional(), returnsHonoured: ReturnsHonoured.optional(), negativeRatings: NegativeRatings }),
    flagged: z.boolean().meta({ description: 'Below the policy on at least one measure, as of now' }),
    reasons: z.array(PartnerReason).meta({ description: 'One per measure below the policy; empty when not flagged' }),
    flaggedSince: z
      .string()
      .nullable()
      .meta({
        description: 'The day (YYYY-MM-DD) the daily review flagged the partner and told operations, while that flag is open; null otherwise',
      }),
  })
  .meta({ id: 'PartnerStanding' }) satisfies z.ZodType<Standing & { flaggedSince: string | null }>;

export const PartnerList = z
  .object({ policyVersion: z.string(), window: Window, partners: z.array(PartnerStanding) })
  .meta({ id: 'PartnerList', description: 'Every supplier and brand, flagged ones first' });

export const PartnerScorecard = PartnerStanding.extend({
  policyVersion: z.string(),
  window: Window,
  supplierScorecard: SupplierScorecard.optional().meta({
    description: "A supplier's all-time scorecard, as GET /v1/suppliers/{id}/scorecard answers it",
  }),
}).meta({ id: 'PartnerScorecard' });
