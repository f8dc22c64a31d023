import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { unwrap } from '../../api/problem';
import { useI18n } from '../../i18n/I18nProvider';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { formatTime } from './caseLabels';

/** The case's events, oldest first, as the API keeps them. */
export function Timeline({ caseId }: { caseId: string }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const events = useQuery({
    queryKey: ['case', caseId, 'timeline'],
    queryFn: () => unwrap(api.GET('/v1/cases/{id}/timeline', { params: { path: { id: caseId } } })),
  });
  return (
    <section className="panel" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t('case.timeline')}</h2>
      {events.isPending ? (
        <LoadingState />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.events.length === 0 ? (
        <EmptyState title={t('case.timeline.empty')} />
      ) : (
        <ol className="timeline">
          {events.data.events.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at} className="muted">
                {formatTime(locale, e.at)}
              </time>{' '}
              <span className="code">{e.type}</span>{' '}
              <span className="muted">{t('case.timeline.by', { actor: `${e.actor.kind} ${e.actor.id}` })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
