import { useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../../api/ApiProvider';
import { unwrap } from '../../../api/problem';
import { useI18n } from '../../../i18n/I18nProvider';
import { Page } from '../../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { SupervisorOnly } from '../SupervisorOnly';
import { AgentTable } from './AgentTable';
import { bucketsOf, type Range, ranges, spanOf } from './buckets';
import { CsvButton } from './CsvButton';
import { KpiChart, MAX_SERIES, type Series } from './KpiChart';
import { groupLabel, type GroupingChoice, groupings, kpiEntries, kpiLabel, kpiOf, type KpiReport, measuredAnything } from './kpis';
import { KpiTable } from './KpiTable';
import { useKpiReports } from './useKpiReports';

const pick = <T extends string>(value: string | null, options: readonly T[], fallback: T): T =>
  options.includes(value as T) ? (value as T) : fallback;

/** The groups the chart draws: those with the most behind the chosen figure, at most MAX_SERIES. */
function seriesOf(summary: KpiReport, kpiId: string, groupBy: GroupingChoice, label: (key: string | null) => string): Series[] {
  return summary.groups
    .map((g) => ({ key: g.key, sample: kpiOf(g.kpis, kpiId)?.sample ?? 0 }))
    .sort((a, b) => b.sample - a.sample)
    .slice(0, groupBy === 'none' ? 1 : MAX_SERIES)
    .map((g) => ({ key: g.key, label: label(g.key) }));
}

/** The first figure with anything behind it: what a supervisor most likely came to see. */
function defaultKpi(summary: KpiReport): string {
  const entries = summary.groups.flatMap((g) => kpiEntries(g.kpis));
  return (entries.find((e) => e.kpi.sample > 0) ?? entries[0])?.id ?? 'csat';
}

function Dashboard() {
  const { t } = useI18n();
  const api = useApi();
  const ids = { range: useId(), groupBy: useId(), kpi: useId() };
  const [params, setParams] = useSearchParams();
  const range = pick<Range>(params.get('range'), ranges, '7d');
  const groupBy = pick<GroupingChoice>(params.get('groupBy'), groupings, 'none');
  // The buckets are fixed when the period is chosen, so their queries keep their keys.
  const buckets = useMemo(() => bucketsOf(range, new Date()), [range]);
  const span = spanOf(buckets);
  const { summary, perBucket } = useKpiReports(buckets, groupBy);
  const choose = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );

  const kpiIds = summary.data ? [...new Set(summary.data.groups.flatMap((g) => kpiEntries(g.kpis).map((e) => e.id)))] : [];
  const kpiId = summary.data ? pick(params.get('kpi'), kpiIds, defaultKpi(summary.data)) : null;
  const loaded = perBucket.filter((q) => q.isSuccess).length;
  const failed = perBucket.find((q) => q.isError);
  const series = summary.data && kpiId ? seriesOf(summary.data, kpiId, groupBy, (key) => groupLabel(key, groupBy, t)) : [];

  return (
    <Page
      title={t('dashboard.title')}
      actions={
        <CsvButton
          label={t('dashboard.csv')}
          fileName="kpis.csv"
          fetchCsv={() =>
            unwrap(
              api.GET('/v1/reports/kpis', {
                params: { query: { ...span, ...(groupBy !== 'none' && { groupBy }), format: 'csv' } },
                parseAs: 'blob',
              }),
            )
          }
        />
      }
    >
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.range}>{t('dashboard.range')}</label>
          <select id={ids.range} value={range} onChange={(e) => choose('range', e.target.value)}>
            {ranges.map((r) => (
              <option key={r} value={r}>
                {t(`dashboard.range.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.groupBy}>{t('dashboard.groupBy')}</label>
          <select id={ids.groupBy} name="groupBy" value={groupBy} onChange={(e) => choose('groupBy', e.target.value)}>
            {groupings.map((g) => (
              <option key={g} value={g}>
                {t(`dashboard.groupBy.${g}`)}
              </option>
            ))}
          </select>
        </div>
        {kpiId && (
          <div className="field">
            <label htmlFor={ids.kpi}>{t('dashboard.kpi')}</label>
            <select id={ids.kpi} name="kpi" value={kpiId} onChange={(e) => choose('kpi', e.target.value)}>
              {kpiIds.map((id) => (
                <option key={id} value={id}>
                  {kpiLabel(id, t)}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>

      {summary.isPending && <LoadingState />}
      {summary.isError && <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.data && !measuredAnything(summary.data) && (
        <EmptyState title={t('dashboard.empty.title')}>
          <p>{t('dashboard.empty.body')}</p>
        </EmptyState>
      )}
      {summary.data && measuredAnything(summary.data) && kpiId && (
        <div className="stack">
          {failed ? (
            <ErrorState error={failed.error} onRetry={() => perBucket.filter((q) => q.isError).forEach((q) => void q.refetch())} />
          ) : loaded < buckets.length ? (
            <LoadingState label={t('dashboard.loadingBuckets', { done: loaded, total: buckets.length })} />
          ) : (
            <KpiChart kpiId={kpiId} range={range} buckets={buckets} reports={perBucket.map((q) => q.data)} summary={summary.data} series={series} />
          )}
          {summary.data.groups.length > series.length && (
            <p className="muted">{t('dashboard.chart.moreGroups', { shown: series.length, total: summary.data.groups.length })}</p>
          )}
          <KpiTable report={summary.data} groupBy={groupBy} />
        </div>
      )}
      <AgentTable span={span} />
    </Page>
  );
}

/** The KPI dashboard: loaded on its own (with recharts) the first time a supervisor opens it. */
export default function DashboardPage() {
  const { t } = useI18n();
  return (
    <SupervisorOnly title={t('dashboard.title')}>
      <Dashboard />
    </SupervisorOnly>
  );
}
