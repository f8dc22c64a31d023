import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../../api/ApiProvider';
import { unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { useI18n } from '../../../i18n/I18nProvider';
import { Page } from '../../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { labelOf } from '../caseLabels';
import { useKnowledgeCategories } from './categories';
import { useMayEdit } from './mayEdit';
import '../console.css';

type Hit = components['schemas']['KnowledgeSearchHit'];
type Category = components['schemas']['KnowledgeCategory'];

/** As the API caps every query value. */
const MAX_QUESTION = 200;

/**
 * The knowledge base as staff search it (GET /v1/knowledge/articles): with a customer's question
 * as written, in the reader's language where an article has it; the question and category are
 * kept in the address, so a search can be shared. Supervisors and admins start new articles here.
 */
export function KnowledgePage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const results = useQuery({
    queryKey: ['knowledge-search', q, category, locale],
    queryFn: () =>
      unwrap(
        api.GET('/v1/knowledge/articles', {
          params: { query: { ...(q && { q }), ...(category && { category: category as Category }), locale, limit: 50 } },
        }),
      ),
  });

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['q', 'category']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  }

  return (
    <Page title={t('knowledge.title')}>
      <div className="stack">
        <SearchForm key={params.toString()} q={q} category={category} onSubmit={search} />
        {results.isPending ? (
          <LoadingState />
        ) : results.isError ? (
          <ErrorState error={results.error} title={t('knowledge.search.error')} onRetry={() => void results.refetch()} />
        ) : results.data.items.length === 0 ? (
          <EmptyState title={t('knowledge.search.empty.title')}>
            <p>{t('knowledge.search.empty.body')}</p>
          </EmptyState>
        ) : (
          <ResultTable hits={results.data.items} />
        )}
        <NewArticle />
      </div>
    </Page>
  );
}

function SearchForm({ q, category, onSubmit }: { q: string; category: string; onSubmit(event: FormEvent<HTMLFormElement>): void }) {
  const { t } = useI18n();
  const id = useId();
  const categories = useKnowledgeCategories();
  return (
    <form onSubmit={onSubmit} aria-label={t('knowledge.search.label')} className="panel">
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('knowledge.search.q')}</label>
          <input id={`${id}-q`} name="q" type="search" defaultValue={q} maxLength={MAX_QUESTION} aria-describedby={`${id}-q-hint`} />
          <p id={`${id}-q-hint`} className="field-hint">
            {t('knowledge.search.qHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('knowledge.search.category')}</label>
          <select id={`${id}-category`} name="category" defaultValue={category}>
            <option value="">{t('knowledge.search.any')}</option>
            {[...new Set([...(category ? [category] : []), ...categories])].map((c) => (
              <option key={c} value={c}>
                {labelOf(t, 'knowledge.category', c)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('knowledge.search.submit')}</button>
      </div>
    </form>
  );
}

function ResultTable({ hits }: { hits: Hit[] }) {
  const { t, locale } = useI18n();
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{t('knowledge.search.results')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('knowledge.col.title')}</th>
            <th scope="col">{t('knowledge.col.category')}</th>
            <th scope="col">{t('knowledge.col.score')}</th>
            <th scope="col">{t('knowledge.col.version')}</th>
            <th scope="col">{t('knowledge.col.answered')}</th>
            <th scope="col">{t('knowledge.col.notAnswered')}</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => (
            <tr key={hit.id}>
              <td>
                <Link to={`/console/knowledge/${encodeURIComponent(hit.id)}`} lang={hit.locale}>
                  {hit.title}
                </Link>
                <div className="muted code">{hit.id}</div>
              </td>
              <td>{labelOf(t, 'knowledge.category', hit.category)}</td>
              <td>{hit.score === null ? '—' : percent.format(hit.score)}</td>
              <td>{hit.version}</td>
              <td>{hit.answered}</td>
              <td>{hit.notAnswered}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Supervisors and admins open the editor of an id nothing is published under yet. */
function NewArticle() {
  const { t } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  if (!useMayEdit()) return null;
  function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const articleId = String(new FormData(event.currentTarget).get('articleId') ?? '').trim();
    if (articleId) void navigate(`/console/knowledge/${encodeURIComponent(articleId)}`);
  }
  return (
    <form onSubmit={start} aria-label={t('knowledge.new.label')} className="panel">
      <h2>{t('knowledge.new.label')}</h2>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-article`}>{t('knowledge.new.id')}</label>
          <input
            id={`${id}-article`}
            name="articleId"
            required
            maxLength={64}
            pattern="[a-z0-9][a-z0-9\-]*"
            aria-describedby={`${id}-article-hint`}
          />
          <p id={`${id}-article-hint`} className="field-hint">
            {t('knowledge.new.idHint')}
          </p>
        </div>
        <button type="submit">{t('knowledge.new.submit')}</button>
      </div>
    </form>
  );
}
