import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../api/ApiProvider';
import type { components } from '../../../api/schema';
import { unwrap } from '../../../api/problem';
import { useI18n } from '../../../i18n/I18nProvider';
import { ErrorState, LoadingState } from '../../../ui/States';
import { formatDuration, formatShare } from '../format';
import type { Bucket } from './buckets';
import { CsvButton } from './CsvButton';
import { ScrollRegion } from '../ScrollRegion';

type AgentReport = components['schemas']['AgentReport'];

/** Each agent's figures over the period (GET /v1/reports/agents), with their CSV. */
export function AgentTable({ span }: { span: Bucket }) {
  const api = useApi();
  const { t, locale } = useI18n();
  const report = useQuery({
    queryKey: ['agent-report', span.from, span.to],
    // JSON unless asked for CSV: the answer's type names both.
    queryFn: () => unwrap(api.GET('/v1/reports/agents', { params: { query: span } })) as Promise<AgentReport>,
  });
  const share = (value: number | null) => (value === null ? t('supervisor.notMeasured') : formatShare(value, locale));
  return (
    <section aria-labelledby="agent-table-title">
      <div className="section-heading">
        <h2 id="agent-table-title">{t('dashboard.agents.title')}</h2>
        <CsvButton
          label={t('dashboard.csv')}
          fileName="agents.csv"
          fetchCsv={() => unwrap(api.GET('/v1/reports/agents', { params: { query: { ...span, format: 'csv' } }, parseAs: 'blob' }))}
        />
      </div>
      {report.isPending && <LoadingState />}
      {report.isError && <ErrorState error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && report.data.agents.length === 0 && <p>{t('dashboard.agents.empty')}</p>}
      {report.data && report.data.agents.length > 0 && (
        <ScrollRegion label={t('dashboard.agents.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.agents.agent')}</th>
                <th scope="col">{t('dashboard.agents.casesHandled')}</th>
                <th scope="col">{t('dashboard.agents.firstResponses')}</th>
                <th scope="col">{t('dashboard.agents.firstResponseP50')}</th>
                <th scope="col">{t('dashboard.agents.prompt', { limit: formatDuration(report.data.promptResponseMs, t, locale) })}</th>
                <th scope="col">{t('dashboard.agents.csat')}</th>
                <th scope="col">{t('dashboard.agents.breaches')}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.agents.map((a) => (
                <tr key={a.agentId}>
                  <th scope="row">{a.agentId}</th>
                  <td>{a.casesHandled}</td>
                  <td>{a.firstResponses}</td>
                  <td>{a.firstResponseP50Ms === null ? t('supervisor.notMeasured') : formatDuration(a.firstResponseP50Ms, t, locale)}</td>
                  <td>{share(a.promptResponseShare)}</td>
                  <td>
                    {share(a.csat)} ({a.csatAnswers})
                  </td>
                  <td>{a.breaches}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
