import type { KpiPolicy } from '../config/policies/kpiPolicy';
import type { GroupFacts, KpiGrouping } from '../db/kpiFacts';
import { toCsv } from './csv';

/**
 * The KPI report (GET /v1/reports/kpis) from the counts db/kpiFacts.ts reads: each figure with its
 * target from the KPI policy and whether it met it. The formulas are the README's ("KPIs").
 */

type KpiUnit = 'ms' | 'share' | 'points';

interface Kpi {
  /** Null when nothing in the window could be measured (no sample). */
  value: number | null;
  unit: KpiUnit;
  target: number;
  /** Which side of the target is good. */
  better: 'higher' | 'lower';
  met: boolean | null;
  /** How many cases, answers or steps the value is computed from. */
  sample: number;
}

const kpiNames = [
  'firstResponseP50',
  'firstResponseP90',
  'resolutionP50',
  'resolutionP90',
  'slaCompliance',
  'firstContactResolution',
  'problemResolution',
  'repeatComplaintRate',
  'complaintRate',
  'csat',
  'nps',
  'automationShare',
  'afterSalesCycle',
  'supplierOnTime',
] as const;

type KpiSet = { [K in (typeof kpiNames)[number]]: K extends 'slaCompliance' ? Record<string, Kpi> : Kpi };

interface KpiGroup {
  key: string | null;
  kpis: KpiSet;
}

export interface KpiReport {
  from: string;
  to: string;
  groupBy: KpiGrouping | null;
  policyVersion: string;
  groups: KpiGroup[];
}

/** Shares to four places, NPS to one: what a person compares with a target. */
const round = (value: number, places: number) => Number(value.toFixed(places));

function kpi(value: number | null, unit: KpiUnit, target: number, better: Kpi['better'], sample: number): Kpi {
  const met = value === null ? null : better === 'higher' ? value >= target : value <= target;
  return { value, unit, target, better, met, sample };
}

function shareOf(part: number, whole: number, target: number, better: Kpi['better']): Kpi {
  return kpi(whole === 0 ? null : round(part / whole, 4), 'share', target, better, whole);
}

function kpisOf(facts: GroupFacts, policy: KpiPolicy): KpiSet {
  const t = policy.targets;
  const { firstResponses, closed, resolution, cycle, opened, ratings, supplierSteps } = facts;
  const { nps: npsAnswers, promoters, detractors } = ratings;
  return {
    firstResponseP50: kpi(firstResponses.p50Ms, 'ms', t.firstResponseP50Ms, 'lower', firstResponses.n),
    firstResponseP90: kpi(firstResponses.p90Ms, 'ms', t.firstResponseP90Ms, 'lower', firstResponses.n),
    resolutionP50: kpi(resolution.p50Ms, 'ms', t.resolutionP50Ms, 'lower', closed.resolved),
    resolutionP90: kpi(resolution.p90Ms, 'ms', t.resolutionP90Ms, 'lower', closed.resolved),
    slaCompliance: Object.fromEntries(
      policy.slaClocks.map((clock) => {
        const { ran, breached } = facts.sla[clock] ?? { ran: 0, breached: 0 };
        return [clock, shareOf(ran - breached, ran, t.slaCompliance, 'higher')];
      }),
    ),
    firstContactResolution: shareOf(closed.firstContact, closed.resolved, t.firstContactResolution, 'higher'),
    problemResolution: shareOf(closed.resolved, closed.n, t.problemResolution, 'higher'),
    repeatComplaintRate: shareOf(opened.repeatComplaints, opened.complaints, t.repeatComplaintRate, 'lower'),
    complaintRate: shareOf(opened.complaints, opened.n, t.complaintRate, 'lower'),
    csat: shareOf(ratings.satisfied, ratings.csat, t.csat, 'higher'),
    nps: kpi(npsAnswers === 0 ? null : round(((promoters - detractors) / npsAnswers) * 100, 1), 'points', t.nps, 'higher', npsAnswers),
    automationShare: shareOf(closed.automated, closed.n, t.automationShare, 'higher'),
    afterSalesCycle: kpi(cycle.meanMs, 'ms', t.afterSalesCycleMs, 'lower', cycle.n),
    supplierOnTime: shareOf(supplierSteps.onTime, supplierSteps.n, t.supplierOnTime, 'higher'),
  };
}

export function kpiReport(
  window: { from: string; to: string; groupBy: KpiGrouping | null },
  groups: GroupFacts[],
  policy: KpiPolicy,
): KpiReport {
  return { ...window, policyVersion: policy.version, groups: groups.map((g) => ({ key: g.key, kpis: kpisOf(g, policy) })) };
}

const csvColumns = ['groupBy', 'group', 'kpi', 'value', 'unit', 'target', 'better', 'met', 'sample'];

/**
 * The report as CSV: one line per group per KPI, in the order of kpiNames, a clock's SLA compliance
 * as `slaCompliance.<clock>`. The long form keeps its columns when a KPI or a group is added.
 */
export function kpiCsv(report: KpiReport): string {
  const rows = report.groups.flatMap((group) =>
    kpiNames.flatMap((name) => {
      const entry = group.kpis[name];
      const figures: [string, Kpi][] =
        name === 'slaCompliance' ? Object.entries(entry as Record<string, Kpi>).map(([clock, f]) => [`${name}.${clock}`, f]) : [[name, entry as Kpi]];
      return figures.map(([kpi, f]) => [report.groupBy, group.key, kpi, f.value, f.unit, f.target, f.better, f.met, f.sample]);
    }),
  );
  return toCsv(csvColumns, rows);
}
