import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../../api/ApiProvider';
import { unwrap } from '../../api/problem';
import type { operations } from '../../api/schema';
import { useI18n } from '../../i18n/I18nProvider';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States';
import { formatTime, labelOf } from './caseLabels';
import { queryChoices, useOpenApiDocument } from './openApiDocument';
import './console.css';

type CaseQuery = NonNullable<operations['listCases']['parameters']['query']>;

/** The filters a search may carry in its address, so a search can be shared; never a token. */
const filterNames = ['status', 'type', 'channel', 'customerId', 'breached'] as const;
type FilterName = (typeof filterNames)[number];
const PAGE_SIZE = 25;

function filtersOf(params: URLSearchParams): Partial<Record<FilterName, string>> {
  return Object.fromEntries(filterNames.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : [])));
}

/** Cases by status, type, channel, customer and breach (GET /v1/cases), a page at a time. */
export function SearchPage() {
  const { t } = useI18n();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const results = useInfiniteQuery({
    queryKey: ['cases', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/v1/cases', { params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } as CaseQuery } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of filterNames) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    setParams(next);
  }

  const cases = results.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title={t('search.title')}>
      <div className="stack">
        <SearchForm key={params.toString()} filters={filters} onSubmit={search} />
        {results.isPending ? (
          <LoadingState />
        ) : results.isError ? (
          <ErrorState error={results.error} title={t('search.error')} onRetry={() => void results.refetch()} />
        ) : cases.length === 0 ? (
          <EmptyState title={t('search.empty.title')}>
            <p>{t('search.empty.body')}</p>
          </EmptyState>
        ) : (
          <>
            <ResultTable cases={cases} />
            {results.hasNextPage && (
              <button type="button" onClick={() => void results.fetchNextPage()} disabled={results.isFetchingNextPage}>
                {results.isFetchingNextPage ? t('search.loadingMore') : t('search.more')}
              </button>
            )}
          </>
        )}
      </div>
    </Page>
  );
}

function SearchForm({ filters, onSubmit }: { filters: Partial<Record<FilterName, string>>; onSubmit(event: FormEvent<HTMLFormElement>): void }) {
  const { t } = useI18n();
  const id = useId();
  const document = useOpenApiDocument();
  const choices = (name: string) => (document.data ? queryChoices(document.data, '/v1/cases', name) : []);
  const select = (name: 'status' | 'type' | 'channel', prefix: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(`search.${name}`)}</label>
      <select id={`${id}-${name}`} name={name} defaultValue={filters[name] ?? ''}>
        <option value="">{t('search.any')}</option>
        {/* The chosen value stays listed while the contract loads, or if it no longer names one. */}
        {[...new Set([...(filters[name] ? [filters[name]] : []), ...choices(name)])].map((value) => (
          <option key={value} value={value}>
            {labelOf(t, prefix, value)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form onSubmit={onSubmit} aria-label={t('search.filters')} className="panel">
      <div className="filters">
        {select('status', 'status')}
        {select('type', 'caseType')}
        {select('channel', 'channel')}
        <div className="field">
          <label htmlFor={`${id}-customerId`}>{t('search.customerId')}</label>
          <input id={`${id}-customerId`} name="customerId" defaultValue={filters.customerId ?? ''} maxLength={64} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-breached`}>{t('search.breached')}</label>
          <select id={`${id}-breached`} name="breached" defaultValue={filters.breached ?? ''}>
            <option value="">{t('search.any')}</option>
            <option value="true">{t('search.breached.yes')}</option>
            <option value="false">{t('search.breached.no')}</option>
          </select>
        </div>
        <button type="submit">{t('search.submit')}</button>
      </div>
    </form>
  );
}

type CaseRecord = operations['listCases']['responses'][200]['content']['application/json']['items'][number];

function ResultTable({ cases }: { cases: CaseRecord[] }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{t('search.results')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('search.col.case')}</th>
            <th scope="col">{t('search.col.status')}</th>
            <th scope="col">{t('search.col.type')}</th>
            <th scope="col">{t('search.col.channel')}</th>
            <th scope="col">{t('search.col.customer')}</th>
            <th scope="col">{t('search.col.opened')}</th>
            <th scope="col">{t('search.col.breached')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/console/cases/${encodeURIComponent(c.id)}`} className="code">
                  {c.id}
                </Link>
              </td>
              <td>{labelOf(t, 'status', c.status)}</td>
              <td>{labelOf(t, 'caseType', c.type)}</td>
              <td>{labelOf(t, 'channel', c.channel)}</td>
              <td className="code">{c.customerId}</td>
              <td>{formatTime(locale, c.createdAt)}</td>
              <td>{c.breached ? t('search.yes') : t('search.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
