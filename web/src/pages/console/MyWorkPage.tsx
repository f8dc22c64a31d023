import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/ApiProvider';
import { unwrap } from '../../api/problem';
import type { components } from '../../api/schema';
import { useI18n } from '../../i18n/I18nProvider';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { labelOf } from './caseLabels';
import { SlaCountdown } from './SlaCountdown';
import './console.css';

type WorkItem = components['schemas']['WorkItem'];

/** The human steps waiting for the signed-in agent (their queues) or supervisor (all), most urgent first. */
export function MyWorkPage() {
  const { t } = useI18n();
  const api = useApi();
  const items = useQuery({
    queryKey: ['work-items'],
    queryFn: () => unwrap(api.GET('/v1/work-items', { params: { query: { limit: 100 } } })),
  });
  return (
    <Page title={t('myWork.title')}>
      {items.isPending ? (
        <LoadingState />
      ) : items.isError ? (
        <ErrorState error={items.error} title={t('myWork.error')} onRetry={() => void items.refetch()} />
      ) : items.data.items.length === 0 ? (
        <EmptyState title={t('myWork.empty.title')}>
          <p>{t('myWork.empty.body')}</p>
        </EmptyState>
      ) : (
        <WorkItemTable items={items.data.items} />
      )}
    </Page>
  );
}

function WorkItemTable({ items }: { items: WorkItem[] }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{t('myWork.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('myWork.case')}</th>
            <th scope="col">{t('myWork.step')}</th>
            <th scope="col">{t('myWork.clock')}</th>
            <th scope="col">{t('myWork.holder')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <WorkItemRow key={`${item.caseId}:${item.kind}`} item={item} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WorkItemRow({ item }: { item: WorkItem }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const [claimedNow, setClaimedNow] = useState(false);
  const claim = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/cases/{id}/actions/claim', { params: { path: { id: item.caseId } }, body: {} })),
    onSuccess: async () => {
      setClaimedNow(true);
      await queryClient.invalidateQueries({ queryKey: ['work-items'] });
    },
  });
  return (
    <tr>
      <td>
        <Link to={`/console/cases/${encodeURIComponent(item.caseId)}`} className="code">
          {item.caseId}
        </Link>
        <div className="muted">
          {labelOf(t, 'caseType', item.type)} · {labelOf(t, 'status', item.status)}
        </div>
      </td>
      <td>
        {labelOf(t, 'workItem', item.kind)}
        <div className="muted">{item.queue}</div>
      </td>
      <td>{item.dueAt ? <SlaCountdown dueAt={item.dueAt} startedAt={item.openedAt} /> : <span className="muted">{t('sla.none')}</span>}</td>
      <td>
        {item.assignee ?? (
          <button type="button" onClick={() => claim.mutate()} disabled={claim.isPending} aria-label={t('myWork.claimCase', { caseId: item.caseId })}>
            {claim.isPending ? t('myWork.claiming') : t('myWork.claim')}
          </button>
        )}
        {!item.assignee && claim.isError && <ErrorState error={claim.error} />}
        {claimedNow && (
          <p role="status" className="muted">
            {t('myWork.claimed', { caseId: item.caseId })}
          </p>
        )}
      </td>
    </tr>
  );
}
