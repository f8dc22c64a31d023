import type { components } from '../../../api/schema';
import type { Locale, Translate } from '../../../i18n/I18nProvider';
import { formatKpiValue, labelOf } from '../format';

/** The KPI report as the dashboard reads it (README, "KPIs"): one figure per id, each against its target. */

export type KpiReport = components['schemas']['KpiReport'];
export type KpiSet = components['schemas']['KpiSet'];
export type Kpi = components['schemas']['Kpi'];
export type Grouping = NonNullable<components['schemas']['KpiGrouping']>;

/** The KPI route's groupings, and none. */
export const groupings = ['none', 'channel', 'type', 'segment', 'agent', 'processVersion', 'buildId'] as const;
export type GroupingChoice = (typeof groupings)[number];

const SLA = 'slaCompliance';

/** Every figure of a set by id; each service-level clock is a figure of its own (`slaCompliance.review`). */
export function kpiEntries(set: KpiSet): { id: string; kpi: Kpi }[] {
  return Object.entries(set).flatMap(([id, value]) =>
    id === SLA
      ? Object.entries(value as Record<string, Kpi>).map(([clock, kpi]) => ({ id: `${SLA}.${clock}`, kpi }))
      : [{ id, kpi: value as Kpi }],
  );
}

export function kpiOf(set: KpiSet, id: string): Kpi | undefined {
  return kpiEntries(set).find((e) => e.id === id)?.kpi;
}

export function kpiLabel(id: string, t: Translate): string {
  if (id.startsWith(`${SLA}.`)) return t('kpi.slaCompliance', { clock: labelOf(t, 'clock', id.slice(SLA.length + 1)) });
  return labelOf(t, 'kpi', id);
}

/** Met or missed in words, so it never rests on a colour. */
export function verdictOf(kpi: Kpi, t: Translate): string {
  if (kpi.met === null) return t('supervisor.notMeasured');
  return t(kpi.met ? 'supervisor.met' : 'supervisor.missed');
}

export function targetOf(kpi: Kpi, t: Translate, locale: Locale): string {
  const value = formatKpiValue(kpi.target, kpi.unit, t, locale);
  return t(kpi.better === 'higher' ? 'dashboard.target.atLeast' : 'dashboard.target.atMost', { value });
}

export function valueOf(kpi: Kpi, t: Translate, locale: Locale): string {
  return kpi.value === null ? t('supervisor.notMeasured') : formatKpiValue(kpi.value, kpi.unit, t, locale);
}

/** A group's name: its value, or what a null key means under this grouping. */
export function groupLabel(key: string | null, groupBy: GroupingChoice, t: Translate): string {
  if (key !== null) return key;
  if (groupBy === 'buildId') return t('supervisor.unversioned');
  return t(groupBy === 'none' ? 'supervisor.allCases' : 'supervisor.noAgent');
}

/** Whether anything at all was measured: every figure of every group has a sample. */
export function measuredAnything(report: KpiReport): boolean {
  return report.groups.some((g) => kpiEntries(g.kpis).some((e) => e.kpi.sample > 0));
}
