import { z } from 'zod';
import { FeedbackReason } from '../../domain/feedback';
import type { PolicyProfile } from '../../domain/process';
import { days, hours, minutes } from './duration';

/**
 * When and how a resolved case's customer is asked for feedback, and what a low rating sets off
 * (docs/policies.md, "Feedback"). A case pins the policy it started under.
 */

const durationMs = z.number().int().nonnegative();

export const FeedbackPolicy = z
  .object({
    version: z.string().min(1),
    /** After the case closes; 0: at once. */
    askAfterMs: durationMs,
    /** After the question, one reminder when there is no answer yet. */
    reminderAfterMs: durationMs,
    /** After the question, the survey closes; later answers are refused. */
    closeAfterMs: durationMs,
    /** At or below this CSAT the customer must say why (one reason or more). */
    reasonsAtMostCsat: z.number().int().min(1).max(5),
    /** At or below this CSAT a supervisor follows up, within followUpWithinMs. */
    followUpAtMostCsat: z.number().int().min(1).max(5),
    followUpWithinMs: durationMs,
    /** Outcomes nobody is asked about (the customer withdrew, or the case never got anywhere). */
    skipOutcomes: z.array(z.string().min(1)),
    /** Reasons that put a low rating on the scorecard of the case's repair supplier. */
    supplierReasons: z.array(FeedbackReason),
  })
  .refine((p) => p.reminderAfterMs < p.closeAfterMs, { message: 'the reminder comes before the survey closes', path: ['reminderAfterMs'] })
  .meta({ id: 'FeedbackPolicy' });
export type FeedbackPolicy = z.infer<typeof FeedbackPolicy>;

const standard: FeedbackPolicy = {
  version: 'feedback/2026-12-02',
  askAfterMs: 0,
  reminderAfterMs: hours(24),
  closeAfterMs: days(7),
  reasonsAtMostCsat: 2,
  followUpAtMostCsat: 2,
  followUpWithinMs: hours(24),
  skipOutcomes: ['cancelled_by_customer', 'failed'],
  supplierReasons: ['repair_quality', 'too_slow'],
};

/** Long enough for a person to answer on a page while the demo runs. */
const demo: FeedbackPolicy = {
  ...standard,
  version: 'feedback/2026-12-02-demo',
  reminderAfterMs: minutes(2),
  closeAfterMs: minutes(10),
  followUpWithinMs: minutes(10),
};

export const feedbackPolicies = { standard, demo } as const satisfies Record<PolicyProfile, FeedbackPolicy>;

for (const policy of Object.values(feedbackPolicies)) FeedbackPolicy.parse(policy);
