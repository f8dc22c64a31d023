import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../../api/ApiProvider';
import { ApiProblem, unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useI18n } from '../../../i18n/I18nProvider';
import { Page } from '../../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { formatInstant, formatShare } from '../format';
import { SupervisorOnly } from '../SupervisorOnly';
import { ProcessCheckView } from './ProcessCheckView';
import { RubricForm } from './RubricForm';

type SampleDay = components['schemas']['QualitySampleDay'];

/** Yesterday in the reader's calendar: the day the morning's draw sampled. */
function yesterday(): string {
  const d = new Date();
  d.setDate(d.getDate() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const notDrawn = (error: unknown) => error instanceof ApiProblem && error.status === 404;

/** A day not drawn yet, and the button that draws it as the schedule would (POST /v1/quality/draws). */
function NotDrawn({ day, onDrawn }: { day: string; onDrawn: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const draw = useMutation({ mutationFn: () => unwrap(api.POST('/v1/quality/draws', { body: { day } })), onSuccess: onDrawn });
  return (
    <EmptyState title={t('quality.notDrawn.title', { day })}>
      <p>{t('quality.notDrawn.body')}</p>
      <button type="button" onClick={() => draw.mutate()} disabled={draw.isPending || draw.isSuccess}>
        {draw.isPending || draw.isSuccess ? t('quality.drawing') : t('quality.draw', { day })}
      </button>
      {draw.isError && (
        <p className="field-error" role="alert">
          {t('quality.drawFailed', {
            reason: draw.error instanceof ApiProblem ? (draw.error.problem.detail ?? draw.error.problem.title) : t('state.error.unreachable'),
          })}
        </p>
      )}
    </EmptyState>
  );
}

function Sample({ sample }: { sample: SampleDay }) {
  const { t, locale } = useI18n();
  if (sample.items.length === 0) {
    return (
      <EmptyState title={t('quality.empty.title', { day: sample.day })}>
        <p>{t('quality.empty.body')}</p>
      </EmptyState>
    );
  }
  const reviewed = sample.items.filter((i) => i.review).length;
  return (
    <div className="stack">
      <p>
        {t('quality.summary', {
          drawnAt: formatInstant(sample.drawnAt, locale),
          share: formatShare(sample.share, locale),
          reviewed,
          total: sample.items.length,
        })}
      </p>
      {sample.items.map((item) => (
        <article className="card" key={item.caseId} aria-labelledby={`sample-${item.caseId}`}>
          <h3 id={`sample-${item.caseId}`}>{t('quality.case', { caseId: item.caseId })}</h3>
          <p className="muted">
            {t('quality.caseFacts', {
              type: item.type,
              channel: item.channel,
              closedAt: formatInstant(item.closedAt, locale),
              outcome: item.outcome ?? '—',
              dueAt: formatInstant(item.dueAt, locale),
            })}
          </p>
          <ProcessCheckView check={item.check} />
          <h4>{t('quality.review.title')}</h4>
          {item.review ? (
            <p>
              {t('quality.review.done', {
                reviewer: item.review.reviewer,
                at: formatInstant(item.review.reviewedAt, locale),
                score: item.review.score,
                verdict: t(item.review.passed ? 'quality.review.pass' : 'quality.review.fail'),
              })}
              {item.review.comment && <> · “{item.review.comment}”</>}
            </p>
          ) : (
            <RubricForm caseId={item.caseId} day={sample.day} rubric={sample.rubric} />
          )}
        </article>
      ))}
    </div>
  );
}

/** The quality queue: a day's sample, each case's automatic check and the rubric to score it. */
function Quality() {
  const api = useApi();
  const { t } = useI18n();
  const dayId = useId();
  const [params, setParams] = useSearchParams();
  const day = params.get('date') ?? yesterday();
  const [drawing, setDrawing] = useState<string | null>(null);
  const sample = useQuery({
    queryKey: ['quality', day],
    queryFn: () => unwrap(api.GET('/v1/quality/samples', { params: { query: { date: day } } })),
    // A draw just started: look again until its sample is there.
    refetchInterval: (query) => (drawing === day && notDrawn(query.state.error) ? 1000 : false),
  });
  return (
    <div className="stack">
      <div className="filters">
        <div className="field">
          <label htmlFor={dayId}>{t('quality.day')}</label>
          <input
            id={dayId}
            type="date"
            value={day}
            max={yesterday()}
            onChange={(e) => e.target.value && setParams({ date: e.target.value }, { replace: true })}
          />
        </div>
      </div>
      {sample.isPending && <LoadingState />}
      {sample.isError && notDrawn(sample.error) && <NotDrawn day={day} onDrawn={() => setDrawing(day)} />}
      {sample.isError && !notDrawn(sample.error) && <ErrorState error={sample.error} onRetry={() => void sample.refetch()} />}
      {sample.data && <Sample sample={sample.data} />}
    </div>
  );
}

export function QualityPage() {
  const { t } = useI18n();
  return (
    <SupervisorOnly title={t('quality.title')}>
      <Page title={t('quality.title')}>
        <Quality />
      </Page>
    </SupervisorOnly>
  );
}
