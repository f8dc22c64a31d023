import { z } from 'zod';
import { CasePriority, Channel } from '../../domain/case';
import { type LegacyTier, Segment } from '../../domain/customer';
import { type CaseType, isCaseType } from '../../workflows/registry';
import { days, hours, minutes, seconds } from './duration';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const hhmm = z.string().regex(HHMM, 'HH:MM');
/** Compared only once both are HH:MM: `9:00` is refused for its form, not also as closing first. */
const openingHours = z
  .object({ start: hhmm, end: hhmm })
  .refine((h) => !HHMM.test(h.start) || !HHMM.test(h.end) || h.start < h.end, 'opens before it closes');

export const BusinessCalendar = z
  .object({
    timeZone: z.string().refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone'),
    hours: z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), openingHours),
    holidays: z.array(z.iso.date()),
  })
  .meta({ id: 'BusinessCalendar' });
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;

/**
 * The clocks of the service levels promised to customers. A supplier's response time is a term of
 * its contract, not a promise to the customer: it lives with the supplier in the repair policy.
 */
export const SlaClockName = z.enum(['first_response', 'solution', 'verification', 'review']);
export type SlaClockName = z.infer<typeof SlaClockName>;

const SlaRule = z.object({
  clock: SlaClockName,
  /** Empty matches every case; the rule matching the most fields wins, ties go to the earlier rule. */
  match: z.object({
    // Checked against the registry, but typed as text: process definitions pin this policy, so its
    // type must not depend on the list of them.
    caseType: z.string().refine((type): boolean => isCaseType(type), 'a case type of a registered process').optional(),
    segment: Segment.optional(),
    priority: CasePriority.optional(),
    channel: Channel.optional(),
  }),
  targetMs: z.number().int().positive(),
  /** Counts only the calendar's working hours; otherwise round the clock. */
  businessHours: z.boolean(),
});

/**
 * Response and resolution targets (docs/policies.md, "Service levels") as versioned policy. A case
 * pins the whole policy at intake, so a change reaches new cases only.
 */
export const SlaPolicy = z
  .object({
    version: z.string().min(1),
    calendar: BusinessCalendar,
    /** The warning goes out when this share of a target has been used. */
    warnAt: z.number().gt(0).lt(1),
    rules: z.array(SlaRule).min(1),
  })
  .meta({ id: 'SlaPolicy' });
export type SlaPolicy = z.infer<typeof SlaPolicy>;

const weekday = { start: '09:00', end: '18:00' };

const standard: SlaPolicy = {
  version: 'sla/2026-12-02',
  calendar: {
    timeZone: 'Europe/Berlin',
    hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: { start: '10:00', end: '16:00' } },
    holidays: ['2026-12-25', '2026-12-26', '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-01', '2027-10-03', '2027-12-25', '2027-12-26'],
  },
  warnAt: 0.8,
  rules: [
    { clock: 'first_response', match: { caseType: 'complaint' }, targetMs: minutes(30), businessHours: true },
    { clock: 'first_response', match: { caseType: 'complaint', segment: 'high_value' }, targetMs: minutes(15), businessHours: true },
    { clock: 'first_response', match: { caseType: 'complaint', channel: 'phone' }, targetMs: seconds(30), businessHours: true },
    { clock: 'solution', match: { caseType: 'complaint' }, targetMs: hours(4), businessHours: true },
    { clock: 'solution', match: { caseType: 'complaint', priority: 'low' }, targetMs: hours(24), businessHours: true },
    { clock: 'solution', match: { caseType: 'complaint', segment: 'high_value' }, targetMs: hours(2), businessHours: true },
    // An inquiry's first response is automated, so round the clock; a person's answer waits for working hours.
    { clock: 'first_response', match: { caseType: 'inquiry' }, targetMs: seconds(30), businessHours: false },
    { clock: 'solution', match: { caseType: 'inquiry' }, targetMs: hours(1), businessHours: true },
    { clock: 'verification', match: {}, targetMs: hours(72), businessHours: false },
    { clock: 'review', match: {}, targetMs: hours(24), businessHours: true },
  ],
};

/** Round the clock and in seconds, so the demo shows warnings and breaches while you watch. */
const demo: SlaPolicy = {
  ...standard,
  version: 'sla/2026-12-02-demo',
  rules: standard.rules.map((r) => ({ ...r, businessHours: false, targetMs: Math.min(r.targetMs, seconds(20)) })),
};

export const slaPolicies = { standard, demo } as const satisfies Record<string, SlaPolicy>;

export interface SlaSubject {
  caseType: CaseType;
  /** Absent on cases opened before segments. */
  segment?: Segment;
  /** Cases opened before segments: the tier their pinned rules match on (`tier: vip`). */
  tier?: LegacyTier;
  priority: CasePriority;
  channel: Channel;
}

/** One clock's target as a case runs it; `clock` names it on the timeline (a supplier's step clocks too). */
export interface SlaTarget {
  clock: string;
  targetMs: number;
  calendar: BusinessCalendar | null;
  warnAt: number;
}

/** The target for one clock of one case: the most specific matching rule. */
export function slaTarget(policy: SlaPolicy, clock: SlaClockName, subject: SlaSubject): SlaTarget | null {
  let best: { rule: SlaPolicy['rules'][number]; score: number } | null = null;
  for (const rule of policy.rules) {
    if (rule.clock !== clock) continue;
    const fields = Object.entries(rule.match) as [keyof SlaSubject, string | undefined][];
    if (fields.some(([k, v]) => v !== undefined && subject[k] !== v)) continue;
    const score = fields.filter(([, v]) => v !== undefined).length;
    if (!best || score > best.score) best = { rule, score };
  }
  if (!best) return null;
  return {
    clock,
    targetMs: best.rule.targetMs,
    calendar: best.rule.businessHours ? policy.calendar : null,
    warnAt: policy.warnAt,
  };
}

for (const policy of Object.values(slaPolicies)) SlaPolicy.parse(policy);
