import type { SegmentBounds, SegmentPolicy } from '../../../config/policies/segmentPolicy';
import { type SlaPolicy, slaTarget } from '../../../config/policies/slaPolicy';
import { Segment } from '../../../domain/customer';
import type { PolicyProfile, Process } from '../../../domain/process';
import type { ComplaintPolicy } from '../../../workflows/complaints/policy';
import type { ReturnPolicy } from '../../../workflows/returns/policy';
import { code, duration, table } from '../markdown';
import { standardAndDemo } from './profiles';

/**
 * The segment policy (config/policies/segmentPolicy.ts) for docs/policies.md: how an order history
 * becomes a segment, the RFM scores, and what a segment changes in the processes that read it.
 */

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** 150000 → 1,500.00: an amount in minor units as an order's currency shows it. */
const amount = (minorUnits: number) => (minorUnits / 100).toLocaleString('en', { minimumFractionDigits: 2 });

const boundText: { [K in keyof Required<SegmentBounds>]: (n: number) => string } = {
  recencyDaysAtMost: (n) => `the last order at most ${plural(n, 'day', 'days')} ago`,
  recencyDaysAtLeast: (n) => `the last order ${plural(n, 'day', 'days')} ago or longer (or none)`,
  ordersLastYearAtLeast: (n) => `${plural(n, 'order', 'orders')} or more in the last 365 days`,
  spendLastYearAtLeast: (n) => `${amount(n)} or more spent in the last 365 days`,
  lifetimeOrdersAtLeast: (n) => `${plural(n, 'order', 'orders')} or more in all`,
  lifetimeOrdersAtMost: (n) => `at most ${plural(n, 'order', 'orders')} in all`,
  tenureDaysAtMost: (n) => `a customer (since their first order) for at most ${plural(n, 'day', 'days')}`,
};

function conditions(bounds: SegmentBounds): string {
  const parts = (Object.entries(bounds) as [keyof SegmentBounds, number | undefined][])
    .filter((entry): entry is [keyof SegmentBounds, number] => entry[1] !== undefined)
    .map(([bound, value]) => boundText[bound](value));
  return parts.length === 0 ? 'always' : parts.join(', and ');
}

/** The segment rules, first match wins, and the fallback; the demo profile's when it differs. */
export function segmentRuleTable(profiles: Record<PolicyProfile, SegmentPolicy>): string {
  const policy = profiles.standard;
  const rows = [
    ...policy.rules.map((rule) => [code(rule.segment), conditions(rule.when)]),
    [code('standard'), 'no rule above holds'],
  ];
  const { version: _s, ...standardRules } = profiles.standard;
  const { version: _d, ...demoRules } = profiles.demo;
  const same = JSON.stringify(standardRules) === JSON.stringify(demoRules);
  return [
    table(['segment (the first that holds)', 'when'], rows),
    '',
    `Version: ${standardAndDemo(profiles, (p) => p.version)}.${
      same ? ' The demo profile has the same thresholds: segments depend on history, not on the clock’s speed.' : ' The demo profile segments differently: see config/policies/segmentPolicy.ts.'
    }`,
  ].join('\n');
}

/** Integer ranges between ascending cut points: [below the first, …, the last or more]. */
function ranges(cuts: readonly number[], show: (n: number) => string): string[] {
  const span = (from: number, to: number) => (from === to ? show(from) : `${show(from)}–${show(to)}`);
  return [
    `below ${show(cuts[0]!)}`,
    ...cuts.slice(1).map((cut, i) => span(cuts[i]!, cut - 1)),
    `${show(cuts.at(-1)!)} or more`,
  ];
}

/** What each RFM score (1–5) stands for, per measure, as the tags rfm:R5F3M4 carry them. */
export function rfmScoreTable(profiles: Record<PolicyProfile, SegmentPolicy>): string {
  const policy = profiles.standard;
  const days = (n: number) => String(n);
  // More recent scores higher: the ranges read the other way round, and no order at all scores 1.
  const recency = ranges(policy.recencyCuts, days).reverse();
  recency[0] = `${recency[0]} (or no order)`;
  const rows = [
    ['`R`: days since the last order', ...recency],
    ['`F`: orders in the last 365 days', ...ranges(policy.frequencyCuts, days)],
    ['`M`: spend in the last 365 days', ...ranges(policy.monetaryCuts, (n) => amount(n))],
  ];
  return table(['score', '1', '2', '3', '4', '5'], rows);
}

interface ByProfile {
  returns: ReturnPolicy;
  complaints: ComplaintPolicy;
  sla: SlaPolicy;
}

function complaintTarget(sla: SlaPolicy, clock: 'first_response' | 'solution', segment: Segment): string {
  const target = slaTarget(sla, clock, { caseType: 'complaint', segment, priority: 'normal', channel: 'web' });
  return target ? `${duration(target.targetMs)}${target.calendar ? ', business hours' : ''}` : 'none';
}

/** What a customer's segment changes, segment by segment, under each profile. */
export function segmentEffectsTable(profiles: Record<PolicyProfile, ByProfile>): string {
  const cell = (value: (p: ByProfile) => string) => standardAndDemo(profiles, value);
  const yesNo = (yes: boolean) => (yes ? 'yes' : 'no');
  const rows = Segment.options.map((segment) => [
    code(segment),
    cell((p) => duration(p.returns.returnWindowMs[segment])),
    cell((p) => yesNo(p.returns.autoApprove.segments.includes(segment))),
    cell((p) => complaintTarget(p.sla, 'first_response', segment)),
    cell((p) => complaintTarget(p.sla, 'solution', segment)),
    cell((p) => yesNo(p.complaints.advisorFirst.includes(segment))),
  ]);
  return table(
    [
      'segment',
      'return window',
      'return approved without review, any amount',
      'complaint first response',
      'complaint solution',
      'complaints to their advisor first',
    ],
    rows,
  );
}

/** One case per matter: how long an open case takes in new requests about the same order, per process that joins. */
export function joinWindowTable(processes: readonly Process[]): string {
  const joining = processes.filter((p) => p.intake.join !== undefined);
  if (joining.length === 0) return 'No process joins requests: every request opens a case of its own.';
  const rows = joining.map((p) => {
    const window = (profile: PolicyProfile) => duration(p.intake.join!.windowMs(p.policy.profiles[profile]));
    return [p.title, window('standard'), window('demo')];
  });
  return table(['process', 'a new request about the same order joins an open case opened within', 'demo'], rows);
}
