import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useApi } from '../../../api/ApiProvider';
import { ApiProblem, unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useI18n } from '../../../i18n/I18nProvider';
import { ErrorState } from '../../../ui/States';

type Rubric = components['schemas']['QualityRubric'];

/** The API's words for each field it refused (a 400 names them: `scores.accuracy`). */
function fieldErrors(error: unknown): Map<string, string> {
  const errors = error instanceof ApiProblem && Array.isArray(error.problem.errors) ? (error.problem.errors as { path: string; message: string }[]) : [];
  return new Map(errors.map((e) => [e.path, e.message]));
}

/** Scores a sampled case with its day's rubric (POST /v1/quality/reviews/{id}); the criteria and their names come from the API. */
export function RubricForm({ caseId, day, rubric }: { caseId: string; day: string; rubric: Rubric }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { t, locale } = useI18n();
  const formId = useId();
  const [scores, setScores] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const review = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/quality/reviews/{id}', {
          params: { path: { id: caseId } },
          body: {
            scores: Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)])),
            ...(comment.trim() && { comment: comment.trim() }),
          },
        }),
      ),
    onSettled: (_data, error) => {
      // Saved, or someone else's review came first: either way the day now shows the review.
      if (!error || (error instanceof ApiProblem && error.status === 409)) void queryClient.invalidateQueries({ queryKey: ['quality', day] });
    },
  });
  const errors = fieldErrors(review.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    review.mutate();
  };
  const scale = Array.from({ length: rubric.scale.max - rubric.scale.min + 1 }, (_, i) => rubric.scale.min + i);
  return (
    <form className="rubric stack" onSubmit={submit} noValidate aria-label={t('quality.review.title')}>
      <p className="muted">{t('quality.review.scale', { min: rubric.scale.min, max: rubric.scale.max, passMark: rubric.passMark })}</p>
      <div className="rubric-criteria">
        {rubric.criteria.map((c) => {
          const id = `${formId}-${c.key}`;
          const error = errors.get(`scores.${c.key}`);
          return (
            <div className="field" key={c.key}>
              <label htmlFor={id}>
                {c.label[locale]} <span className="muted">({t('quality.review.weight', { weight: c.weight })})</span>
              </label>
              <select
                id={id}
                value={scores[c.key] ?? ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => setScores((s) => ({ ...s, [c.key]: e.target.value }))}
              >
                <option value="">{t('quality.review.choose')}</option>
                {scale.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              {error && (
                <p className="field-error" id={`${id}-error`}>
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <div className="field">
        <label htmlFor={`${formId}-comment`}>{t('quality.review.comment')}</label>
        <textarea id={`${formId}-comment`} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {review.error instanceof ApiProblem && review.error.status === 409 ? (
        <p className="notice" role="alert">
          {t('quality.review.already', { detail: review.error.problem.detail ?? review.error.problem.title })}
        </p>
      ) : (
        review.isError && errors.size === 0 && <ErrorState error={review.error} />
      )}
      {review.isError && errors.size > 0 && (
        <p className="field-error" role="alert">
          {review.error instanceof ApiProblem ? review.error.problem.detail : ''}
        </p>
      )}
      <div>
        <button type="submit" disabled={review.isPending}>
          {review.isPending ? t('quality.review.saving') : t('quality.review.submit')}
        </button>
      </div>
    </form>
  );
}
