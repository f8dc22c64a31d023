import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/ApiProvider';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/I18nProvider';
import { Page } from '../../ui/Page';
import { ErrorState, LoadingState } from '../../ui/States';
import { CaseActions } from './CaseActions';
import { formatTime, labelOf } from './caseLabels';
import { useConsoleSettings } from './consoleSettings';
import { CustomerPanel } from './CustomerPanel';
import { SlaCountdown } from './SlaCountdown';
import { Timeline } from './Timeline';
import './console.css';

type CaseView = components['schemas']['CaseWithLiveView'];

/** One case for staff: where it stands, its clocks, what happened, its customer, and what may be done now. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const theCase = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => unwrap(api.GET('/v1/cases/{id}', { params: { path: { id: caseId } } })),
  });

  async function acted(message: string) {
    setDone(message);
    await queryClient.invalidateQueries({ queryKey: ['case', caseId] });
    await queryClient.invalidateQueries({ queryKey: ['work-items'] });
  }

  return (
    <Page title={t('case.title', { caseId })} actions={<Link to="/console">{t('case.back')}</Link>}>
      {theCase.isPending ? (
        <LoadingState />
      ) : theCase.isError ? (
        <ErrorState error={theCase.error} title={t('case.error')} onRetry={() => void theCase.refetch()} />
      ) : (
        <div className="stack">
          {done && (
            <p className="notice" role="status">
              {done}
            </p>
          )}
          <div className="panels">
            <CaseSummary record={theCase.data} />
            <Deadlines record={theCase.data} />
          </div>
          <CaseActions caseId={caseId} allowed={theCase.data.live?.allowedActions ?? []} onDone={acted} />
          <div className="panels">
            <Timeline caseId={caseId} />
            <CustomerPanel customerId={theCase.data.customerId} />
          </div>
        </div>
      )}
    </Page>
  );
}

function CaseSummary({ record }: { record: CaseView }) {
  const { t, locale } = useI18n();
  const escalation = record.details.escalation;
  const steps = record.live?.expectedSteps ?? [];
  return (
    <section className="panel" aria-labelledby="case-summary">
      <h2 id="case-summary">{t('case.summary')}</h2>
      <dl className="facts">
        <dt>{t('case.status')}</dt>
        <dd>
          <strong data-testid="case-status">{labelOf(t, 'status', record.status)}</strong>
        </dd>
        <dt>{t('case.step')}</dt>
        <dd>{steps.length > 0 ? steps.map((s) => labelOf(t, 'step', s)).join(' → ') : t('customer.none')}</dd>
        <dt>{t('case.type')}</dt>
        <dd>{labelOf(t, 'caseType', record.type)}</dd>
        <dt>{t('case.channel')}</dt>
        <dd>{labelOf(t, 'channel', record.channel)}</dd>
        <dt>{t('case.priority')}</dt>
        <dd>{record.priority}</dd>
        <dt>{t('case.assignee')}</dt>
        <dd>{record.assignee ?? t('myWork.unassigned')}</dd>
        <dt>{t('case.opened')}</dt>
        <dd>{formatTime(locale, record.createdAt)}</dd>
        <dt>{t('case.escalation')}</dt>
        <dd>
          {escalation
            ? t(escalation.open ? 'case.escalation.open' : 'case.escalation.closed', { level: labelOf(t, 'escalationLevel', escalation.level) })
            : t('case.escalation.none')}
        </dd>
      </dl>
      <WorkflowLink caseId={record.id} />
    </section>
  );
}

function Deadlines({ record }: { record: CaseView }) {
  const { t } = useI18n();
  const escalationDue = record.details.escalation?.open ? record.details.escalation.dueAt : undefined;
  const clocks = [...record.deadlines, ...(escalationDue ? [{ name: t('case.escalation'), dueAt: escalationDue }] : [])];
  return (
    <section className="panel" aria-labelledby="case-deadlines">
      <h2 id="case-deadlines">{t('case.deadlines')}</h2>
      {record.closedAt || clocks.length === 0 ? (
        <p className="muted">{t('case.deadlines.none')}</p>
      ) : (
        <ul className="timeline">
          {clocks.map((d) => (
            <li key={`${d.name}:${d.dueAt}`}>
              <SlaCountdown name={labelOf(t, 'clock', d.name)} dueAt={d.dueAt} startedAt={record.createdAt} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `<ui>/namespaces/<ns>/workflows/<caseId>`: the workflow id is the case id. */
function WorkflowLink({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const ui = useConsoleSettings().data?.temporalUi;
  if (ui === undefined) return null;
  if (ui === null) return <p className="muted">{t('case.workflow.none')}</p>;
  const href = `${ui.url}/namespaces/${encodeURIComponent(ui.namespace)}/workflows/${encodeURIComponent(caseId)}`;
  return (
    <p>
      <a href={href} target="_blank" rel="noreferrer">
        {t('case.workflow')}
      </a>
    </p>
  );
}
