import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../../api/ApiProvider';
import { ApiProblem, unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { type Locale, localeNames, useI18n } from '../../../i18n/I18nProvider';
import { Page } from '../../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../../ui/States';
import { formatTime, labelOf } from '../caseLabels';
import { ArticleEditor } from './ArticleEditor';
import { useMayEdit } from './mayEdit';
import '../console.css';
import './knowledge.css';

type Article = components['schemas']['KnowledgeArticle'];
type Published = components['schemas']['KnowledgeArticlePublished'];

/**
 * One article (GET /v1/knowledge/articles/{id}): its text in each language, the version and who
 * published it, how often it answered customers' questions; earlier versions as they were
 * (`?version=`). Supervisors and admins edit the latest version here, or write the first one of
 * an id nothing is published under.
 */
export function KnowledgeArticlePage() {
  const { articleId = '' } = useParams();
  const [params] = useSearchParams();
  const asked = params.get('version');
  const version = asked === null ? undefined : Number(asked);
  const { t } = useI18n();
  const api = useApi();
  const queryClient = useQueryClient();
  const mayEdit = useMayEdit();
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const latestKey = ['knowledge-article', articleId, 'latest'];
  const article = useQuery({
    queryKey: version === undefined ? latestKey : ['knowledge-article', articleId, version],
    queryFn: () =>
      unwrap(api.GET('/v1/knowledge/articles/{id}', { params: { path: { id: articleId }, query: version === undefined ? {} : { version } } })),
  });
  const missing = version === undefined && article.error instanceof ApiProblem && article.error.status === 404;

  function published(result: Published) {
    const { published: isNew, ...view } = result;
    setOutcome(isNew ? t('knowledge.edit.published', { version: view.version }) : t('knowledge.edit.unchanged', { version: view.version }));
    setEditing(false);
    queryClient.setQueryData(latestKey, view);
    // Earlier versions now have a later latest, and search shows the new text.
    void queryClient.invalidateQueries({ queryKey: ['knowledge-article', articleId], predicate: (q) => q.queryKey[2] !== 'latest' });
    void queryClient.invalidateQueries({ queryKey: ['knowledge-search'] });
  }

  const showLatest = () => void queryClient.invalidateQueries({ queryKey: latestKey });
  const back = <Link to="/console/knowledge">{t('knowledge.article.back')}</Link>;

  return (
    <Page title={t('knowledge.article.title', { id: articleId })} actions={back}>
      <div className="stack">
        {outcome && (
          <p className="notice" role="status">
            {outcome}
          </p>
        )}
        {article.isPending ? (
          <LoadingState />
        ) : missing ? (
          <>
            <EmptyState title={t('knowledge.article.missing.title', { id: articleId })}>
              <p>{mayEdit ? t('knowledge.article.missing.body') : t('knowledge.article.missing.readOnly')}</p>
            </EmptyState>
            {mayEdit && <ArticleEditor articleId={articleId} article={null} onPublished={published} onShowLatest={showLatest} />}
          </>
        ) : article.isError ? (
          <ErrorState error={article.error} title={t('knowledge.article.error')} onRetry={() => void article.refetch()} />
        ) : (
          <>
            <ArticleView article={article.data} />
            {mayEdit && article.data.version === article.data.latestVersion && !editing && (
              <button
                type="button"
                onClick={() => {
                  setOutcome(null);
                  setEditing(true);
                }}
              >
                {t('knowledge.article.edit')}
              </button>
            )}
            {editing && article.data.version === article.data.latestVersion && (
              <ArticleEditor
                articleId={articleId}
                article={article.data}
                onPublished={published}
                onShowLatest={showLatest}
                onCancel={() => setEditing(false)}
              />
            )}
          </>
        )}
      </div>
    </Page>
  );
}

function ArticleView({ article }: { article: Article }) {
  const { t, locale } = useI18n();
  const old = article.version < article.latestVersion;
  return (
    <>
      {old && (
        <p className="notice">
          {t('knowledge.article.old', { version: article.version, latest: article.latestVersion })}{' '}
          <Link to={`/console/knowledge/${encodeURIComponent(article.id)}`}>{t('knowledge.article.latest')}</Link>
        </p>
      )}
      <div className="panels">
        <section className="panel" aria-labelledby="article-facts">
          <h2 id="article-facts">{t('knowledge.article.facts')}</h2>
          <dl className="facts">
            <dt>{t('knowledge.article.version')}</dt>
            <dd data-testid="article-version">{t('knowledge.article.versionOf', { version: article.version, latest: article.latestVersion })}</dd>
            <dt>{t('knowledge.article.publishedAt')}</dt>
            <dd>{formatTime(locale, article.publishedAt)}</dd>
            <dt>{t('knowledge.article.publishedBy')}</dt>
            <dd className={article.publishedBy ? 'code' : undefined} data-testid="article-published-by">
              {article.publishedBy ?? t('knowledge.article.seeded')}
            </dd>
            <dt>{t('knowledge.article.category')}</dt>
            <dd>{labelOf(t, 'knowledge.category', article.category)}</dd>
            <dt>{t('knowledge.article.products')}</dt>
            <dd className={article.products.length > 0 ? 'code' : undefined}>
              {article.products.length > 0 ? article.products.join(', ') : t('knowledge.article.noProducts')}
            </dd>
            <dt>{t('knowledge.article.answered')}</dt>
            <dd data-testid="article-answered">{article.answered}</dd>
            <dt>{t('knowledge.article.notAnswered')}</dt>
            <dd data-testid="article-not-answered">{article.notAnswered}</dd>
          </dl>
        </section>
        {article.latestVersion > 1 && <Versions article={article} />}
      </div>
      <div className="panels">
        {article.translations.map((tr) => (
          <section key={tr.locale} className="panel" lang={tr.locale} aria-labelledby={`article-${tr.locale}`}>
            <p className="muted" lang={locale}>
              {localeNames[tr.locale as Locale]}
            </p>
            <h2 id={`article-${tr.locale}`}>{tr.title}</h2>
            <p className="article-body">{tr.body}</p>
          </section>
        ))}
      </div>
    </>
  );
}

function Versions({ article }: { article: Article }) {
  const { t } = useI18n();
  const versions = Array.from({ length: article.latestVersion }, (_, i) => article.latestVersion - i);
  return (
    <nav className="panel" aria-labelledby="article-versions">
      <h2 id="article-versions">{t('knowledge.article.versions')}</h2>
      <ul className="version-list">
        {versions.map((v) => (
          <li key={v}>
            <Link
              to={`/console/knowledge/${encodeURIComponent(article.id)}${v === article.latestVersion ? '' : `?version=${v}`}`}
              aria-current={v === article.version ? 'page' : undefined}
            >
              {t('knowledge.article.versionOf', { version: v, latest: article.latestVersion })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
