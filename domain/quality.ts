import { z } from 'zod';
import type { ProcessCheckPolicy, Rubric } from '../config/policies/qualityPolicy';
import { Channel } from './case';
import { CaseType } from '../workflows/registry';

/**
 * The daily quality sample (docs/quality.md): how many of a stratum's closed cases are drawn, the
 * automatic process check of a sampled case's timeline, and a reviewer's weighted score.
 */

/** A stratum's share, rounded up: a stratum of one closed case still has it reviewed. */
export function stratumSampleSize(closed: number, share: number): number {
  // Rounded first so 0.1 × 30 stays 3: in binary it is a hair above.
  return Math.min(closed, Math.ceil(Math.round(closed * share * 1e6) / 1e6));
}

export const QualityStratum = z
  .object({
    type: CaseType,
    channel: Channel,
    closed: z.number().int().nonnegative().meta({ description: 'Cases of this type and channel closed that day' }),
    sampled: z.number().int().nonnegative(),
  })
  .meta({ id: 'QualityStratum' });
export type QualityStratum = z.infer<typeof QualityStratum>;

const instant = z.iso.datetime({ offset: true });

const Breach = z.object({
  type: z.string(),
  clock: z.string().nullable().meta({ description: 'The clock or supplier step that was late' }),
  at: instant,
});
type Breach = z.infer<typeof Breach>;

export const ProcessCheck = z
  .object({
    passed: z.boolean().meta({ description: 'Every check below is ok' }),
    deadlines: z.object({ ok: z.boolean(), breaches: z.array(Breach) }).meta({ description: "Were the policy's deadlines kept" }),
    escalations: z
      .object({ ok: z.boolean(), unescalated: z.array(Breach) })
      .meta({ description: 'Was every breach followed by an escalation (unless the process answers it itself)' }),
    refunds: z
      .object({ ok: z.boolean(), issued: z.number().int(), expected: z.number().int() })
      .meta({ description: 'Was money moved exactly once: one refund for a refunded outcome, none otherwise' }),
    notices: z
      .object({
        ok: z.boolean(),
        missed: z.array(z.object({ template: z.string(), expected: z.number().int(), sent: z.number().int() })),
      })
      .meta({ description: 'Did the customer get every message the steps owe them' }),
  })
  .meta({ id: 'ProcessCheck', description: "The automatic check of a sampled case's timeline, made when it was drawn" });
export type ProcessCheck = z.infer<typeof ProcessCheck>;

export interface CheckedEvent {
  seq: number;
  type: string;
  at: string;
  data: Record<string, unknown>;
}

const ESCALATION_STARTED = 'escalation.started';

function clockOf(event: CheckedEvent): string | null {
  const clock = event.data.clock ?? event.data.awaiting;
  return typeof clock === 'string' ? clock : null;
}

/** Each escalation answers the oldest breach still waiting for one; an escalation before any breach answers none. */
function unescalatedBreaches(timeline: CheckedEvent[], breaches: CheckedEvent[]): CheckedEvent[] {
  const waiting: CheckedEvent[] = [];
  for (const event of timeline) {
    if (breaches.includes(event)) waiting.push(event);
    else if (event.type === ESCALATION_STARTED) waiting.shift();
  }
  return waiting;
}

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/**
 * Checks a closed case's timeline (in seq order) against the policy: deadlines, escalations,
 * refunds and the messages the customer was sent (templates, one entry per message).
 */
export function checkProcess(
  input: { timeline: CheckedEvent[]; outcome: string | null; sentTemplates: string[] },
  policy: ProcessCheckPolicy,
): ProcessCheck {
  const timeline = [...input.timeline].sort((a, b) => a.seq - b.seq);
  const asBreach = (e: CheckedEvent): Breach => ({ type: e.type, clock: clockOf(e), at: e.at });

  const breaches = timeline.filter((e) => policy.breachEvents.includes(e.type));
  const owingEscalation = breaches.filter((e) => !policy.breachesAnsweredByProcess.includes(clockOf(e) ?? ''));
  const unescalated = unescalatedBreaches(timeline, owingEscalation);

  const issued = timeline.filter((e) => e.type === 'refund.issued').length;
  const expected = input.outcome !== null && policy.refundOutcomes.includes(input.outcome) ? 1 : 0;

  const owed = countBy(
    timeline.filter((e) => policy.notices[e.type] !== undefined),
    (e) => policy.notices[e.type]!,
  );
  const sent = countBy(input.sentTemplates, (t) => t);
  const missed = [...owed]
    .map(([template, count]) => ({ template, expected: count, sent: sent.get(template) ?? 0 }))
    .filter((n) => n.sent < n.expected)
    .sort((a, b) => a.template.localeCompare(b.template));

  const check = {
    deadlines: { ok: breaches.length === 0, breaches: breaches.map(asBreach) },
    escalations: { ok: unescalated.length === 0, unescalated: unescalated.map(asBreach) },
    refunds: { ok: issued === expected, issued, expected },
    notices: { ok: missed.length === 0, missed },
  };
  return { passed: Object.values(check).every((c) => c.ok), ...check };
}

/** A reviewer's scores, by criterion key. */
export type RubricScores = Record<string, number>;

/** Where scores break the rubric, by criterion: missing, unknown, or off the scale. */
export function rubricErrors(scores: RubricScores, rubric: Rubric): { criterion: string; message: string }[] {
  const { min, max } = rubric.scale;
  const keys = new Set(rubric.criteria.map((c) => c.key));
  return [
    ...rubric.criteria.filter((c) => scores[c.key] === undefined).map((c) => ({ criterion: c.key, message: `required: ${min} to ${max}` })),
    ...Object.entries(scores).flatMap(([key, value]) => {
      if (!keys.has(key)) return [{ criterion: key, message: `not a criterion of rubric ${rubric.version}` }];
      if (!Number.isInteger(value) || value < min || value > max) return [{ criterion: key, message: `a whole number from ${min} to ${max}` }];
      return [];
    }),
  ];
}

/** The weighted score, 0–100 (each criterion's place on the scale, by weight), and whether it passes. */
export function weightedScore(scores: RubricScores, rubric: Rubric): { score: number; passed: boolean } {
  const { min, max } = rubric.scale;
  const totalWeight = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
  const weighted = rubric.criteria.reduce((sum, c) => sum + c.weight * ((scores[c.key]! - min) / (max - min)), 0);
  const score = Math.round((1000 * weighted) / totalWeight) / 10;
  return { score, passed: score >= rubric.passMark };
}
