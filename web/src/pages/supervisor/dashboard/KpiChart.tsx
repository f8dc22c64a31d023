import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatKpiValue } from '../format';
import { type Bucket, bucketLabel, type Range } from './buckets';
import { type Kpi, kpiLabel, kpiOf, type KpiReport, targetOf, valueOf, verdictOf } from './kpis';
import { ScrollRegion } from '../ScrollRegion';

export interface Series {
  key: string | null;
  label: string;
}

/** Told apart by dash and dot as well as by colour. */
const looks = [
  { stroke: '#1f5fbf', dash: undefined },
  { stroke: '#b3261e', dash: '6 3' },
  { stroke: '#1c7c3c', dash: '2 3' },
  { stroke: '#8a5a00', dash: '10 4 2 4' },
  { stroke: '#6b3fa0', dash: '12 4' },
  { stroke: '#00707a', dash: '4 4 1 4' },
] as const;
export const MAX_SERIES = looks.length;

interface Props {
  kpiId: string;
  range: Range;
  buckets: readonly Bucket[];
  /** Per bucket, its report once loaded. */
  reports: readonly (KpiReport | undefined)[];
  /** The whole period's report: each series' figure against its target. */
  summary: KpiReport;
  series: readonly Series[];
}

const figureIn = (report: KpiReport | undefined, key: string | null, kpiId: string): Kpi | undefined => {
  const group = report?.groups.find((g) => g.key === key);
  return group && kpiOf(group.kpis, kpiId);
};

/**
 * One KPI over the period, a line per group and the target drawn across; its caption says each
 * group's figure for the whole period against the target in words, and a table gives every point.
 */
export function KpiChart({ kpiId, range, buckets, reports, summary, series }: Props) {
  const { t, locale } = useI18n();
  const name = kpiLabel(kpiId, t);
  const sample = summary.groups.map((g) => kpiOf(g.kpis, kpiId)).find((k) => k !== undefined);
  if (!sample) return null;
  const format = (value: number) => formatKpiValue(value, sample.unit, t, locale);
  const rows = buckets.map((bucket, i) => {
    const row: Record<string, string | number | null> = { bucket: bucketLabel(bucket, range, locale) };
    series.forEach((s, n) => {
      row[`s${n}`] = figureIn(reports[i], s.key, kpiId)?.value ?? null;
    });
    return row;
  });
  const lines = series.map((s) => {
    const kpi = figureIn(summary, s.key, kpiId);
    return kpi
      ? t('dashboard.chart.summary', { group: s.label, value: valueOf(kpi, t, locale), target: targetOf(kpi, t, locale), verdict: verdictOf(kpi, t) })
      : s.label;
  });
  const title = t('dashboard.chart.title', { kpi: name });
  return (
    <figure className="kpi-chart">
      <figcaption>
        <h2>{title}</h2>
        <ul className="kpi-chart-summary">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </figcaption>
      <LineChart responsive style={{ width: '100%', height: 280 }} data={rows} title={title} margin={{ top: 16, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid stroke="#d7dbe3" strokeDasharray="3 3" />
        <XAxis dataKey="bucket" tick={{ fontSize: 12 }} minTickGap={12} />
        <YAxis tickFormatter={format} tick={{ fontSize: 12 }} width={80} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? format(value) : String(value ?? ''))} />
        <Legend />
        <ReferenceLine
          y={sample.target}
          ifOverflow="extendDomain"
          stroke="#5a6272"
          strokeDasharray="8 4"
          label={{ value: `${t('dashboard.chart.target')}: ${format(sample.target)}`, position: 'insideTopRight', fill: '#1d2330', fontSize: 12 }}
        />
        {series.map((s, n) => (
          <Line
            key={s.key ?? ''}
            type="monotone"
            dataKey={`s${n}`}
            name={s.label}
            stroke={looks[n]!.stroke}
            strokeDasharray={looks[n]!.dash}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
      <details>
        <summary>{t('dashboard.chart.table')}</summary>
        <ScrollRegion label={title}>
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.chart.bucket')}</th>
                {series.map((s) => (
                  <th scope="col" key={s.key ?? ''}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={buckets[i]!.from}>
                  <th scope="row">{row.bucket}</th>
                  {series.map((s, n) => {
                    const value = row[`s${n}`];
                    return <td key={s.key ?? ''}>{typeof value === 'number' ? format(value) : t('supervisor.notMeasured')}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </figure>
  );
}
