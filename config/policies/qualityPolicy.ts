import { z } from 'zod';
import type { PolicyProfile } from '../../domain/process';
import { days, hours } from './duration';
import { BusinessCalendar } from './slaPolicy';

/**
 * The daily quality sample (docs/quality.md): when it is drawn, how large it is, the rubric a QA
 * reviewer scores a sampled case with, and what the automatic process check looks for in its
 * timeline. The schedule pins the policy in its action, so a change reaches the next day's draw;
 * each day keeps the rubric it was drawn with.
 */

const Label = z.object({ en: z.string().min(1), 'zh-CN': z.string().min(1) });

export const RubricCriterion = z.object({
  /** What a review's scores are keyed by. */
  key: z.string().regex(/^[a-z][a-z_]*$/, 'lower-case letters and underscores'),
  label: Label,
  /** Relative to the other criteria's weights. */
  weight: z.number().positive(),
});
export type RubricCriterion = z.infer<typeof RubricCriterion>;

export const Rubric = z
  .object({
    version: z.string().min(1),
    /** Every criterion is scored with a whole number from min to max. */
    scale: z.object({ min: z.number().int(), max: z.number().int() }).refine((s) => s.min < s.max, 'min below max'),
    criteria: z
      .array(RubricCriterion)
      .min(1)
      .refine((c) => new Set(c.map((k) => k.key)).size === c.length, 'each key once'),
    /** The weighted score (0–100) at or above which a review passes. */
    passMark: z.number().min(0).max(100),
  })
  .meta({ id: 'QualityRubric' });
export type Rubric = z.infer<typeof Rubric>;

export const ProcessCheckPolicy = z.object({
  /** Timeline events that say a deadline was missed. */
  breachEvents: z.array(z.string().min(1)).min(1),
  /**
   * Clocks (a breach's data.clock) whose miss the process answers itself instead of escalating:
   * a return's review past its target takes the policy's decision (docs/processes/returns.md).
   */
  breachesAnsweredByProcess: z.array(z.string().min(1)),
  /** Outcomes that move money back: exactly one refund.issued; any other outcome none. */
  refundOutcomes: z.array(z.string().min(1)),
  /** After each of these timeline events the customer must have been sent this message. */
  notices: z.record(z.string().min(1), z.string().min(1)),
});
export type ProcessCheckPolicy = z.infer<typeof ProcessCheckPolicy>;

export const QualityPolicy = z
  .object({
    version: z.string().min(1),
    /** The share of each stratum (case type × channel) drawn, rounded up so no stratum is skipped. */
    share: z.number().gt(0).max(1),
    /** Every day at this local time the cases closed the day before (in this time zone) are drawn. */
    drawAt: z.object({ hour: z.number().int().min(0).max(23), minute: z.number().int().min(0).max(59) }),
    timeZone: BusinessCalendar.shape.timeZone,
    /** A sampled case's review is due this long after the draw (its work item's due time). */
    reviewWithinMs: z.number().int().positive(),
    rubric: Rubric,
    processCheck: ProcessCheckPolicy,
  })
  .meta({ id: 'QualityPolicy' });
export type QualityPolicy = z.infer<typeof QualityPolicy>;

const rubric: Rubric = {
  version: 'rubric/2026-12-03',
  scale: { min: 1, max: 5 },
  criteria: [
    { key: 'greeting', label: { en: 'Greeting and tone', 'zh-CN': '问候与语气' }, weight: 1 },
    { key: 'accuracy', label: { en: 'Accurate information', 'zh-CN': '信息准确' }, weight: 3 },
    { key: 'empathy', label: { en: 'Empathy', 'zh-CN': '同理心' }, weight: 2 },
    { key: 'resolution', label: { en: 'Problem resolved', 'zh-CN': '问题解决' }, weight: 3 },
    { key: 'compliance', label: { en: 'Policy and compliance', 'zh-CN': '合规' }, weight: 2 },
  ],
  passMark: 75,
};

const standard: QualityPolicy = {
  version: 'quality/2026-12-03',
  share: 0.1,
  drawAt: { hour: 6, minute: 0 },
  timeZone: 'Europe/Berlin',
  reviewWithinMs: days(3),
  rubric,
  processCheck: {
    breachEvents: ['sla.breached', 'supplier_sla.breached'],
    breachesAnsweredByProcess: ['review'],
    refundOutcomes: ['refunded'],
    notices: {
      'eligibility.refused': 'case_rejected',
      'review.requested': 'case_under_review',
      'review.rejected': 'case_rejected',
      'label.issued': 'return_label',
      'parcel.delivered': 'parcel_received',
      'refund.issued': 'refund_issued',
      'quote.refunded': 'refund_issued',
      'replacement.shipped': 'replacement_shipped',
      'ship_by.expired': 'case_cancelled',
      'troubleshooting.offered': 'troubleshooting_guide',
      'repair.ordered': 'repair_ordered',
      'visit.booked': 'visit_booked',
      'visit.rescheduled': 'visit_booked',
      'complaint.classified': 'complaint_received',
      'complaint.acknowledged': 'complaint_acknowledged',
      'information.requested': 'information_requested',
      'solution.proposed': 'solution_proposed',
      'suggestion.acknowledged': 'suggestion_acknowledged',
      'suggestion.answered': 'suggestion_answered',
      'inquiry.handed_over': 'inquiry_handed_over',
      'inquiry.answered': 'inquiry_answered',
      'inquiry.converted': 'inquiry_converted',
    },
  },
};

/** Half of every stratum, so a demo day's few cases give a reviewer something to score. */
const demo: QualityPolicy = { ...standard, version: 'quality/2026-12-03-demo', share: 0.5, reviewWithinMs: hours(1) };

export const qualityPolicies = { standard, demo } as const satisfies Record<PolicyProfile, QualityPolicy>;

for (const policy of Object.values(qualityPolicies)) QualityPolicy.parse(policy);
