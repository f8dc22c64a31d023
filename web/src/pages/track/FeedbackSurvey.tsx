import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { components } from '../../api/schema';
import { ApiProblem, unwrap } from '../../api/problem';
import { useApi } from '../../api/ApiProvider';
import { useI18n } from '../../i18n/I18nProvider';
import type { CaseRecord } from './caseStory';
import { feedbackReasonOrder } from './messages';

type FeedbackAnswer = components['schemas']['FeedbackAnswer'];
type FeedbackReason = components['schemas']['FeedbackReason'];

/** At or below this CSAT the survey asks why (the feedback policy's threshold, docs/feedback.md). */
const ASKS_WHY_AT_OR_BELOW = 2;
const STARS = [1, 2, 3, 4, 5] as const;
const NPS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

function Thanks({ csat, nps }: { csat: number; nps: number }) {
  const { t } = useI18n();
  return (
    <section className="track-card track-thanks" aria-labelledby="track-thanks">
      <h2 id="track-thanks">{t('track.feedback.thanks.title')}</h2>
      <p>{t('track.feedback.thanks.body', { csat, nps })}</p>
    </section>
  );
}

/**
 * The case's survey, once it is resolved: satisfaction as 1–5 stars, how likely the customer is to
 * recommend us (0–10), why when unhappy, and a comment; then thanks, on this visit and every later one.
 */
export function FeedbackSurvey({ record }: { record: CaseRecord }) {
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const ids = useId();
  const [csat, setCsat] = useState<number | null>(null);
  const [nps, setNps] = useState<number | null>(null);
  const [reasons, setReasons] = useState<FeedbackReason[]>([]);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (answer: FeedbackAnswer) =>
      unwrap(api.POST('/v1/cases/{id}/feedback', { params: { path: { id: record.id } }, body: answer })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['track', record.id] }),
  });

  const survey = record.details.feedback;
  if (!survey) return null;
  if (survey.status === 'answered' && survey.csat !== undefined && survey.nps !== undefined) {
    return <Thanks csat={survey.csat} nps={survey.nps} />;
  }
  if (mutation.isSuccess) return <Thanks csat={mutation.variables.csat} nps={mutation.variables.nps} />;
  if (survey.status !== 'requested') {
    return (
      <section className="track-card" aria-label={t('track.feedback.title')}>
        <p>{t('track.feedback.closed')}</p>
      </section>
    );
  }

  const asksWhy = csat !== null && csat <= ASKS_WHY_AT_OR_BELOW;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (csat === null || nps === null) return setMissing(t('track.feedback.missing'));
    if (asksWhy && reasons.length === 0) return setMissing(t('track.feedback.reasons.required'));
    setMissing(null);
    mutation.mutate({ csat, nps, reasons: asksWhy ? reasons : [], ...(comment.trim() && { comment: comment.trim() }) });
  };
  const toggle = (reason: FeedbackReason, on: boolean) =>
    setReasons((chosen) => (on ? [...chosen, reason] : chosen.filter((r) => r !== reason)));

  return (
    <section className="track-card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('track.feedback.title')}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset className="track-scale">
          <legend>{t('track.feedback.csat')}</legend>
          <div className="track-options">
            {STARS.map((stars) => (
              <label key={stars} className="track-option">
                <input type="radio" name="csat" value={stars} checked={csat === stars} onChange={() => setCsat(stars)} />
                <span aria-hidden="true">{'★'.repeat(stars)}</span>
                <span className="visually-hidden">{t('track.feedback.csat.option', { stars })}</span>
              </label>
            ))}
          </div>
          <p className="muted track-scale-ends" aria-hidden="true">
            <span>{t('track.feedback.csat.low')}</span>
            <span>{t('track.feedback.csat.high')}</span>
          </p>
        </fieldset>
        <fieldset className="track-scale">
          <legend>{t('track.feedback.nps')}</legend>
          <div className="track-options">
            {NPS.map((score) => (
              <label key={score} className="track-option">
                <input type="radio" name="nps" value={score} checked={nps === score} onChange={() => setNps(score)} />
                <span>{score}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {asksWhy && (
          <fieldset>
            <legend>{t('track.feedback.reasons')}</legend>
            {feedbackReasonOrder.map((reason) => (
              <label key={reason} className="track-check">
                <input type="checkbox" name="reasons" value={reason} checked={reasons.includes(reason)} onChange={(e) => toggle(reason, e.target.checked)} />
                {t(`track.reason.${reason}`)}
              </label>
            ))}
          </fieldset>
        )}
        <label htmlFor={`${ids}-comment`}>{t('track.feedback.comment')}</label>
        <textarea id={`${ids}-comment`} rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        <p role="alert" className="track-error">
          {missing ??
            (mutation.isError &&
              t('track.action.failed', { detail: mutation.error instanceof ApiProblem ? mutation.error.message : t('state.error.unreachable') }))}
        </p>
        <button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? t('track.feedback.sending') : t('track.feedback.submit')}
        </button>
      </form>
    </section>
  );
}
