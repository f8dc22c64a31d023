import { useQueries, useQuery } from '@tanstack/react-query';
import { useApi } from '../../../api/ApiProvider';
import { unwrap } from '../../../api/problem';
import { type Bucket, spanOf } from './buckets';
import type { GroupingChoice, KpiReport } from './kpis';

/** A bucket still running changes; one in the past never does. */
const staleTimeOf = (bucket: Bucket) => (Date.parse(bucket.to) <= Date.now() ? Infinity : 60_000);

/** The KPI report of the whole period (the figures against their targets) and of each of its buckets (the chart). */
export function useKpiReports(buckets: readonly Bucket[], groupBy: GroupingChoice) {
  const api = useApi();
  // JSON unless asked for CSV: the answer's type names both.
  const fetchReport = (window: Bucket) =>
    unwrap(
      api.GET('/v1/reports/kpis', {
        params: { query: { ...window, ...(groupBy !== 'none' && { groupBy }) } },
      }),
    ) as Promise<KpiReport>;
  const span = spanOf(buckets);
  const summary = useQuery({ queryKey: ['kpis', span.from, span.to, groupBy], queryFn: () => fetchReport(span), staleTime: staleTimeOf(span) });
  const perBucket = useQueries({
    queries: buckets.map((bucket) => ({
      queryKey: ['kpis', bucket.from, bucket.to, groupBy],
      queryFn: () => fetchReport(bucket),
      staleTime: staleTimeOf(bucket),
    })),
  });
  return { summary, perBucket };
}
