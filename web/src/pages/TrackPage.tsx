import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../api/ApiProvider';
import { ApiProblem, unwrap } from '../api/problem';
import { linkLanguage } from '../auth/trackingLink';
import { useSession } from '../auth/SessionProvider';
import { useI18n } from '../i18n/I18nProvider';
import { Page } from '../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../ui/States';
import { type CaseRecord, datesToKnow, statusSentence, stepsDone, stepsToCome } from './track/caseStory';
import { CustomerActions } from './track/CustomerActions';
import { FeedbackSurvey } from './track/FeedbackSurvey';
import './track/track.css';

/** How often an open case is asked again, so the page moves on as the case does without a reload. */
const POLL_MS = 2_000;
/** A closed case may still be asked about (its survey starts a moment after): asked this long after closing. */
const SETTLING_MS = 60_000;

function stillMoving(record: CaseRecord | undefined): boolean {
  if (!record?.closedAt) return true;
  return record.details.feedback === undefined && Date.now() - Date.parse(record.closedAt) < SETTLING_MS;
}

function useDate() {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso: string) => format.format(new Date(iso));
}

/** The customer's language as the customer system knows it: from the link they followed, or their own view. */
function useCustomerLanguage() {
  const { session } = useSession();
  const { preferLocale } = useI18n();
  const api = useApi();
  const customerId = session?.role === 'customer' && !session.case ? session.sub : null;
  const customer = useQuery({
    queryKey: ['customer', customerId],
    enabled: customerId !== null,
    queryFn: () => unwrap(api.GET('/v1/customers/{id}', { params: { path: { id: customerId! } } })),
    staleTime: Infinity,
  });
  const language = customer.data?.language ?? (session?.case ? linkLanguage() : null);
  useEffect(() => {
    if (language) preferLocale(language);
  }, [language, preferLocale]);
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('track.notFound.title')}>
      <EmptyState title={t('track.notFound.title')}>
        <p>{t('track.notFound.body')}</p>
        <p>
          <Link to="/sign-in">{t('track.notFound.signIn')}</Link>
        </p>
      </EmptyState>
    </Page>
  );
}

function Steps({ record }: { record: CaseRecord }) {
  const { t } = useI18n();
  const api = useApi();
  const date = useDate();
  const timeline = useQuery({
    queryKey: ['track', record.id, 'timeline', record.status, record.updatedAt],
    queryFn: () => unwrap(api.GET('/v1/cases/{id}/timeline', { params: { path: { id: record.id } } })),
  });
  const done = timeline.data ? stepsDone(timeline.data.events) : [];
  const toCome = stepsToCome(record);
  return (
    <div className="track-steps">
      <section className="track-card" aria-labelledby="track-done">
        <h2 id="track-done">{t('track.done')}</h2>
        {timeline.isPending && <LoadingState />}
        {timeline.isError && <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />}
        {timeline.isSuccess &&
          (done.length === 0 ? (
            <p>{t('track.done.empty')}</p>
          ) : (
            <ol className="track-list track-done">
              {done.map((step, index) => (
                <li key={index}>
                  <span>{t(step.key)}</span> <time dateTime={step.at}>{date(step.at)}</time>
                </li>
              ))}
            </ol>
          ))}
      </section>
      <section className="track-card" aria-labelledby="track-next">
        <h2 id="track-next">{t('track.next')}</h2>
        {toCome.length === 0 ? (
          <p>{t('track.next.empty')}</p>
        ) : (
          <ol className="track-list track-to-come">
            {toCome.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function CaseStory({ record }: { record: CaseRecord }) {
  const { t } = useI18n();
  const date = useDate();
  const dates = datesToKnow(record);
  return (
    <Page title={t(`track.heading.${record.type}`)}>
      <p className="muted">{t('track.caseRef', { caseId: record.id, date: date(record.createdAt) })}</p>
      <section className="track-card track-now" aria-labelledby="track-now">
        <h2 id="track-now">{t('track.now')}</h2>
        <p className="track-sentence" aria-live="polite">
          {t(statusSentence(record))}
        </p>
        {stillMoving(record) && <p className="muted">{t('track.updating')}</p>}
      </section>
      {dates.length > 0 && (
        <section className="track-card" aria-labelledby="track-dates">
          <h2 id="track-dates">{t('track.dates')}</h2>
          <ul className="track-list">
            {dates.map(({ key, dueAt }) => (
              <li key={key + dueAt}>{t(key, { date: date(dueAt) })}</li>
            ))}
          </ul>
        </section>
      )}
      <CustomerActions record={record} />
      <FeedbackSurvey record={record} />
      <Steps record={record} />
    </Page>
  );
}

/**
 * The customer's page for one case (docs/web.md#the-tracking-page), reached signed in or through
 * the link in our messages: where it stands in plain words, the dates to know, what they may do
 * now, the survey once it is resolved, and the steps behind and ahead. It asks again every few
 * seconds while the case moves.
 */
export function TrackPage() {
  const { caseId = '' } = useParams();
  const { t } = useI18n();
  const api = useApi();
  useCustomerLanguage();
  const query = useQuery({
    queryKey: ['track', caseId, 'case'],
    queryFn: () => unwrap(api.GET('/v1/cases/{id}', { params: { path: { id: caseId } } })),
    refetchInterval: (q) => (stillMoving(q.state.data) ? POLL_MS : false),
  });
  if (query.isPending) {
    return (
      <Page title={t('track.list.title')}>
        <LoadingState />
      </Page>
    );
  }
  if (query.isError) {
    const problem = query.error instanceof ApiProblem ? query.error : null;
    // An id that is no case's, or one of a case beyond the customer's reach: the API cannot tell them apart, nor can we.
    if (problem?.kind === 'case-not-found' || problem?.kind === 'validation') return <NotFound />;
    return (
      <Page title={t('track.list.title')}>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  return <CaseStory record={query.data} />;
}
