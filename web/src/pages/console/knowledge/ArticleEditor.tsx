import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useApi } from '../../../api/ApiProvider';
import { ApiProblem, unwrap } from '../../../api/problem';
import type { components } from '../../../api/schema';
import { type Locale, localeNames, locales, useI18n } from '../../../i18n/I18nProvider';
import { ErrorState } from '../../../ui/States';
import { labelOf } from '../caseLabels';
import { useKnowledgeCategories } from './categories';
import './knowledge.css';

type Article = components['schemas']['KnowledgeArticle'];
type Published = components['schemas']['KnowledgeArticlePublished'];
type Publication = components['schemas']['KnowledgeArticlePublication'];

interface Draft {
  category: string;
  products: string;
  text: Record<Locale, { title: string; body: string }>;
}

function draftOf(article: Article | null): Draft {
  const text = Object.fromEntries(
    locales.map((locale) => {
      const t = article?.translations.find((tr) => tr.locale === locale);
      return [locale, { title: t?.title ?? '', body: t?.body ?? '' }];
    }),
  ) as Draft['text'];
  return { category: article?.category ?? '', products: article?.products.join(', ') ?? '', text };
}

/** The request the draft stands for, and which language each translation in it is (the API names them by index). */
function publicationOf(draft: Draft, baseVersion: number | undefined): { body: Publication; sent: Locale[] } {
  // A language with neither a title nor a body is left out; one with only one of them is sent, for the API to say which is missing.
  const sent = locales.filter((locale) => draft.text[locale].title.trim() || draft.text[locale].body.trim());
  const body = {
    category: draft.category as Publication['category'],
    products: draft.products.split(/[\s,，、]+/).filter(Boolean),
    translations: sent.map((locale) => ({ locale, ...draft.text[locale] })),
    ...(baseVersion !== undefined && { baseVersion }),
  };
  return { body, sent };
}

/** The API's words for each field it refused, by the editor's field: `translations.1.title` is the title of the second language sent. */
function fieldErrors(error: unknown, sent: readonly Locale[]): Map<string, string> {
  const byField = new Map<string, string>();
  if (!(error instanceof ApiProblem) || !Array.isArray(error.problem.errors)) return byField;
  for (const e of error.problem.errors as { in?: string; path?: string; message?: string }[]) {
    if (e.in !== 'body' || !e.path || !e.message) continue;
    const [head = '', index, leaf] = e.path.split('.');
    const locale = index === undefined ? undefined : sent[Number(index)];
    const field = head === 'translations' && locale && (leaf === 'title' || leaf === 'body') ? `${locale}.${leaf}` : head;
    if (['category', 'products', 'translations', ...locales.flatMap((l) => [`${l}.title`, `${l}.body`])].includes(field) && !byField.has(field)) {
      byField.set(field, e.message);
    }
  }
  return byField;
}

/**
 * Writes an article as a whole (PUT /v1/knowledge/articles/{id}): category, products, and a title
 * and body per language. It sends the version the editing started from, so an edit of a version
 * someone has replaced meanwhile is refused instead of silently overwriting theirs; the API's
 * refusals are shown at the fields they name.
 */
export function ArticleEditor({
  articleId,
  article,
  onPublished,
  onShowLatest,
  onCancel,
}: {
  articleId: string;
  /** The latest version, the one edited; null for an article with no version yet. */
  article: Article | null;
  onPublished(result: Published): void;
  /** Reads the latest version again, to show what the other editor published. */
  onShowLatest(): void;
  onCancel?(): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const id = useId();
  const categories = useKnowledgeCategories();
  const [draft, setDraft] = useState(() => draftOf(article));
  // Taken when the editing starts, not from the page's latest read: a refetch must not move it silently.
  const [base, setBase] = useState(article?.version);
  const [sent, setSent] = useState<Locale[]>([]);
  const publish = useMutation({
    mutationFn: (body: Publication) => unwrap(api.PUT('/v1/knowledge/articles/{id}', { params: { path: { id: articleId } }, body })),
    onSuccess: (result) => {
      setBase(result.version);
      onPublished(result);
    },
  });
  const problem = publish.error instanceof ApiProblem ? publish.error : null;
  const stale = problem?.kind === 'stale-version' ? (problem.problem.latestVersion as number | null) : undefined;
  const errors = fieldErrors(publish.error, sent);

  function submit(event: FormEvent) {
    event.preventDefault();
    const { body, sent: languages } = publicationOf(draft, base);
    setSent(languages);
    publish.mutate(body);
  }

  function showLatest() {
    setBase(stale ?? undefined);
    publish.reset();
    onShowLatest();
  }

  const setText = (locale: Locale, part: 'title' | 'body', value: string) =>
    setDraft((d) => ({ ...d, text: { ...d.text, [locale]: { ...d.text[locale], [part]: value } } }));
  const errorOf = (field: string) => errors.get(field);
  const described = (field: string, hint?: string) => [hint, errorOf(field) && `${id}-${field}-error`].filter(Boolean).join(' ') || undefined;
  const fieldError = (field: string) =>
    errorOf(field) && (
      <p className="field-error" id={`${id}-${field}-error`}>
        {errorOf(field)}
      </p>
    );

  return (
    <form className="panel stack article-editor" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{article ? t('knowledge.edit.title') : t('knowledge.edit.newTitle')}</h2>
      {base !== undefined && <p className="muted">{t('knowledge.edit.base', { version: base, next: base + 1 })}</p>}
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('knowledge.edit.category')}</label>
          <select
            id={`${id}-category`}
            value={draft.category}
            aria-invalid={errorOf('category') ? true : undefined}
            aria-describedby={described('category')}
            onChange={(e) => setDraft((d) => ({ ...d, category: e.target.value }))}
          >
            <option value="">{t('knowledge.edit.choose')}</option>
            {[...new Set([...(draft.category ? [draft.category] : []), ...categories])].map((c) => (
              <option key={c} value={c}>
                {labelOf(t, 'knowledge.category', c)}
              </option>
            ))}
          </select>
          {fieldError('category')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-products`}>{t('knowledge.edit.products')}</label>
          <input
            id={`${id}-products`}
            value={draft.products}
            aria-invalid={errorOf('products') ? true : undefined}
            aria-describedby={described('products', `${id}-products-hint`)}
            onChange={(e) => setDraft((d) => ({ ...d, products: e.target.value }))}
          />
          <p id={`${id}-products-hint`} className="field-hint">
            {t('knowledge.edit.productsHint')}
          </p>
          {fieldError('products')}
        </div>
      </div>
      <div className="panels">
        {locales.map((locale) => (
          <fieldset key={locale} className="translation" aria-describedby={`${id}-languages-hint`}>
            <legend>{t('knowledge.edit.language', { language: localeNames[locale] })}</legend>
            <div className="field">
              <label htmlFor={`${id}-${locale}-title`}>{t('knowledge.edit.articleTitle', { language: localeNames[locale] })}</label>
              <input
                id={`${id}-${locale}-title`}
                lang={locale}
                value={draft.text[locale].title}
                maxLength={200}
                aria-invalid={errorOf(`${locale}.title`) ? true : undefined}
                aria-describedby={described(`${locale}.title`)}
                onChange={(e) => setText(locale, 'title', e.target.value)}
              />
              {fieldError(`${locale}.title`)}
            </div>
            <div className="field">
              <label htmlFor={`${id}-${locale}-body`}>{t('knowledge.edit.body', { language: localeNames[locale] })}</label>
              <textarea
                id={`${id}-${locale}-body`}
                className="prose-input"
                lang={locale}
                rows={7}
                value={draft.text[locale].body}
                aria-invalid={errorOf(`${locale}.body`) ? true : undefined}
                aria-describedby={described(`${locale}.body`)}
                onChange={(e) => setText(locale, 'body', e.target.value)}
              />
              {fieldError(`${locale}.body`)}
            </div>
          </fieldset>
        ))}
      </div>
      <p id={`${id}-languages-hint`} className="field-hint">
        {t('knowledge.edit.languageHint')}
      </p>
      {fieldError('translations')}
      {stale !== undefined ? (
        <div className="notice stack" role="alert">
          <p>{stale === null ? t('knowledge.edit.staleNew') : t('knowledge.edit.stale', { latest: stale, base: base ?? '' })}</p>
          <button type="button" className="secondary" onClick={showLatest}>
            {stale === null ? t('knowledge.edit.newTitle') : t('knowledge.edit.showLatest', { latest: stale })}
          </button>
        </div>
      ) : (
        problem &&
        (errors.size > 0 ? (
          <p className="field-error" role="alert">
            {t('knowledge.edit.refused')} {problem.problem.detail ?? problem.problem.title}
          </p>
        ) : (
          <ErrorState error={problem} title={t('knowledge.edit.refused')} />
        ))
      )}
      {publish.isError && !problem && <ErrorState error={publish.error} title={t('knowledge.edit.refused')} />}
      <div className="button-row">
        <button type="submit" disabled={publish.isPending}>
          {publish.isPending ? t('knowledge.edit.publishing') : t('knowledge.edit.publish')}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('knowledge.edit.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
