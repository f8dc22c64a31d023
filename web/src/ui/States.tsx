import type { ReactNode } from 'react';
import { ApiProblem } from '../api/problem';
import { useI18n } from '../i18n/I18nProvider';

/** Announced to screen readers as it appears, so a wait is not silent. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="state state-loading" role="status">
      {label ?? t('state.loading')}
    </p>
  );
}

/** What a page shows when there is nothing (yet): say what would be here and, if any, what to do. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="state state-empty" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/**
 * Something failed: a heading in the reader's language, then the API's own words (its problems
 * are written in English) with the request id support asks for, or that the service was not
 * reached; optionally a retry. `title` says what failed where the page knows better.
 */
export function ErrorState({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useI18n();
  const problem = error instanceof ApiProblem ? error.problem : null;
  return (
    <section className="state state-error" role="alert">
      <h2>{title ?? t('state.error.title')}</h2>
      <p>{problem ? (problem.detail ?? problem.title) : t('state.error.unreachable')}</p>
      {problem?.requestId && <p className="muted">{t('state.error.requestId', { id: problem.requestId })}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('state.error.retry')}
        </button>
      )}
    </section>
  );
}
