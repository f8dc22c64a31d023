import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../api/ApiProvider';
import { unwrap } from '../../../api/problem';
import { useI18n } from '../../../i18n/I18nProvider';
import { Page } from '../../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { labelOf } from '../format';
import { ScrollRegion } from '../ScrollRegion';
import type { ProcessSummary } from './layout';
import { ProcessDiagram } from './ProcessDiagram';
import '../supervisor.css';

function ProcessTable({ process, title }: { process: ProcessSummary; title: string }) {
  const { t } = useI18n();
  const status = (name: string) => labelOf(t, 'processes.status', name);
  const caption = t('processes.table.caption', { title });
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('processes.table.status')}</th>
            <th scope="col">{t('processes.table.open')}</th>
            <th scope="col">{t('processes.table.next')}</th>
            <th scope="col">{t('processes.table.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {process.statuses.map((s) => (
            <tr key={s.name}>
              <th scope="row">{status(s.name)}</th>
              <td>{s.openCases}</td>
              <td>{s.next.length > 0 ? s.next.map(status).join(', ') : t('processes.table.none')}</td>
              <td>{s.actions.length > 0 ? s.actions.join(', ') : t('processes.table.none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Process({ process }: { process: ProcessSummary }) {
  const { t } = useI18n();
  const title = labelOf(t, 'processes.name', process.name);
  return (
    <section className="card stack" aria-labelledby={`process-${process.name}`}>
      <h2 id={`process-${process.name}`}>
        {title} <span className="muted">· {t('processes.openTotal', { count: process.openCases })}</span>
      </h2>
      <p className="muted">{t('processes.caseTypes', { types: process.caseTypes.join(', ') })}</p>
      <ScrollRegion label={t('processes.diagram', { title })}>
        <ProcessDiagram process={process} />
      </ScrollRegion>
      <details>
        <summary>{t('processes.table.caption', { title })}</summary>
        <ProcessTable process={process} title={title} />
      </details>
    </section>
  );
}

/** Each registered process as a state diagram with its open cases per state now (GET /v1/processes). */
export function ProcessesPage() {
  const api = useApi();
  const { t } = useI18n();
  const list = useQuery({ queryKey: ['processes'], queryFn: () => unwrap(api.GET('/v1/processes')), refetchInterval: 30_000 });
  return (
    <div className="supervisor">
    <Page title={t('processes.title')}>
      <p>{t('processes.intro')}</p>
      {list.isPending && <LoadingState />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.processes.length === 0 && (
        <EmptyState title={t('processes.empty.title')}>
          <p>{t('processes.empty.body')}</p>
        </EmptyState>
      )}
      {list.data && list.data.processes.length > 0 && (
        <div className="stack">
          {list.data.processes.map((p) => (
            <Process key={p.name} process={p} />
          ))}
        </div>
      )}
    </Page>
    </div>
  );
}
