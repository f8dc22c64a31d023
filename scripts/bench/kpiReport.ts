import { mintToken } from '../../api/auth/tokens';
import { days } from '../../config/policies/duration';
import { kpiGroupings } from '../../db/kpiFacts';
import { measureLoad } from '../load/boundedRun';
import { alternate } from './alternate';
import type { Bench } from './benchStack';
import type { BenchFlags } from './flags';
import { generateKpiData } from './kpiData';
import type { Figure } from './report';
import { percentile, ratio, summarize } from './stats';

/** Every report a supervisor asks for, in turn: all cases, each grouping, the per-agent figures. */
const reports: { name: string; path: string; groupBy?: string }[] = [
  { name: 'kpis', path: 'kpis' },
  ...kpiGroupings.map((grouping) => ({ name: `kpis by ${grouping}`, path: 'kpis', groupBy: grouping })),
  { name: 'agents', path: 'agents' },
];

/** The generated cases span this many days before now, and every report covers all of them. */
const SPAN_DAYS = 90;

/**
 * GET /v1/reports/kpis (and /agents) over `--kpi-cases` closed cases with `--kpi-events` timeline
 * events, which the bench writes itself, against a plain `SELECT count(*) FROM cases` on the same
 * table, one at a time, in alternating rounds. Each report's window holds every generated case,
 * the most a report reads. The case facts are vacuumed and analysed once written, as autovacuum
 * would have done by the time anyone reports on them.
 */
export async function kpiReportFigure(bench: Bench, flags: BenchFlags): Promise<Figure> {
  const { 'kpi-cases': cases, 'kpi-events': events, 'kpi-requests': n, rounds } = flags;
  bench.progress(`KPI report: writing ${cases} cases with ${events} timeline events`);
  const startedAt = performance.now();
  const data = await generateKpiData(bench.pool, { cases, events, spanDays: SPAN_DAYS, prefix: `${bench.runId}-kpi-` }, bench.progress);
  const generateS = Number(((performance.now() - startedAt) / 1000).toFixed(1));
  await bench.pool.query('VACUUM ANALYZE case_facts');

  const token = await mintToken({ sub: 'bench-supervisor', role: 'supervisor' }, bench.stack.tokens, '12h');
  // The last cases' events run into the next day.
  const window = `from=${data.from}&to=${new Date(Date.parse(data.to) + days(1)).toISOString()}`;
  const byReport = new Map<string, number[]>(reports.map((report) => [report.name, []]));
  const ask = async (i: number) => {
    const report = reports[i % reports.length]!;
    const url = `${bench.stack.apiUrl}/v1/reports/${report.path}?${window}${report.groupBy ? `&groupBy=${report.groupBy}` : ''}`;
    const started = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await res.text();
    if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}`);
    byReport.get(report.name)!.push(performance.now() - started);
  };
  bench.progress(`KPI report: ${n} reports and ${n} counts in ${rounds} alternating rounds, one at a time`);
  const sides = await alternate(n, rounds, {
    bare: (_from, count) => measureLoad(count, 1, () => bench.pool.query('SELECT count(*) FROM cases')),
    ours: (from, count) => measureLoad(count, 1, (i) => ask(from + i)),
  });
  const p95 = (latencies: number[]) => Number(percentile(latencies, 95).toFixed(1));
  const ours = { ...summarize(sides.ours), p95Ms: p95(sides.ours.latenciesMs) };
  const bare = { ...summarize(sides.bare), p95Ms: p95(sides.bare.latenciesMs) };
  return {
    figure: 'kpiReport',
    cases: data.cases,
    events: data.events,
    generateS,
    ours,
    bare,
    p95MsByReport: Object.fromEntries([...byReport].map(([name, latencies]) => [name, p95(latencies)])),
    ratio: { p50: ratio(ours.p50Ms, bare.p50Ms), p95: ratio(ours.p95Ms, bare.p95Ms) },
  };
}
