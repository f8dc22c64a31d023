import type { KpiPolicy } from '../../../config/policies/kpiPolicy';
import type { PolicyProfile } from '../../../domain/process';
import { code, codes, duration, percent } from '../markdown';
import { profileTable, type Row } from './profiles';

const atLeast = (text: string) => `at least ${text}`;
const atMost = (text: string) => `at most ${text}`;

/** The KPI report's rules and every target, standard and demo side by side (README, "KPIs"). */
export function kpiTable(profiles: Record<PolicyProfile, KpiPolicy>): string {
  const target = (label: string, value: (t: KpiPolicy['targets']) => string): Row<KpiPolicy> => [`${code(label)} target`, (p) => value(p.targets)];
  return profileTable(profiles, [
    ['version', (p) => p.version],
    ['the longest window of one report', (p) => duration(p.maxWindowMs)],
    ['resolved outcomes', (p) => codes(p.resolvedOutcomes)],
    ['the after-sales cycle counts', (p) => codes(p.cycleCaseTypes)],
    ['SLA clocks reported', (p) => codes(p.slaClocks)],
    ['a prompt first response (per agent)', (p) => `within ${duration(p.promptResponseMs)}`],
    ['satisfied (CSAT)', (p) => `${p.csatSatisfiedAtLeast}–5`],
    ['NPS promoters, detractors', (p) => `${p.npsPromoterAtLeast}–10, 0–${p.npsDetractorAtMost}`],
    target('firstResponseP50', (t) => atMost(duration(t.firstResponseP50Ms))),
    target('firstResponseP90', (t) => atMost(duration(t.firstResponseP90Ms))),
    target('resolutionP50', (t) => atMost(duration(t.resolutionP50Ms))),
    target('resolutionP90', (t) => atMost(duration(t.resolutionP90Ms))),
    target('slaCompliance', (t) => atLeast(percent(t.slaCompliance))),
    target('firstContactResolution', (t) => atLeast(percent(t.firstContactResolution))),
    target('problemResolution', (t) => atLeast(percent(t.problemResolution))),
    target('repeatComplaintRate', (t) => atMost(percent(t.repeatComplaintRate))),
    target('complaintRate', (t) => atMost(percent(t.complaintRate))),
    target('csat', (t) => atLeast(percent(t.csat))),
    target('nps', (t) => atLeast(`${t.nps} points`)),
    target('automationShare', (t) => atLeast(percent(t.automationShare))),
    target('afterSalesCycle', (t) => atMost(duration(t.afterSalesCycleMs))),
    target('supplierOnTime', (t) => atLeast(percent(t.supplierOnTime))),
  ]);
}
