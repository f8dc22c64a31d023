import { z } from 'zod';
import { roundedScore } from '../../domain/knowledgeSearch';
import { findArticle, type KnowledgeArticle, publishVersion, recordArticleFeedback, searchArticles } from '../../db/knowledgeArticles';
import { callerOf, type Reaches, staff, tokenAccess } from '../auth/access';
import type { ApiDeps } from '../deps';
import { jsonBody } from '../middleware/jsonBody';
import { jsonResponse } from '../openapi';
import { HttpProblem } from '../problem';
import { defineRoute, type Route } from '../route';
import { ActionHeaders } from '../schemas/actions';
import {
  ArticleFeedback,
  ArticleFeedbackAck,
  KnowledgeArticleParams,
  KnowledgeArticlePublication,
  KnowledgeArticlePublished,
  KnowledgeArticleQuery,
  KnowledgeArticleView,
  KnowledgeSearchQuery,
  KnowledgeSearchResult,
} from '../schemas/knowledge';

/**
 * The knowledge base (docs/knowledge.md): agents and the console search it with a customer's
 * question, read an article, and record whether it answered the question; supervisors and admins
 * write it. Customers get its answers through their case, not these routes.
 */

/** What customers are told is the service's word: supervisors and admins publish it, agents read it. */
const editors = { supervisor: 'all', admin: 'all' } as const satisfies Reaches;

function notFound(id: string, version?: number): HttpProblem {
  const which = version === undefined ? `article ${id}` : `version ${version} of article ${id}`;
  return new HttpProblem('not-found', `the knowledge base has no ${which}`, { articleId: id, ...(version !== undefined && { version }) });
}

/** Keys are the caller's to choose, so two callers' keys never meet. */
const callerKey = (principal: { role: string; sub: string }) => `${principal.role}:${principal.sub}`;


function searchRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/knowledge/articles',
    operationId: 'searchKnowledgeArticles',
    summary: "Searches the knowledge base with a customer's question, in Chinese or English: the latest articles, best first, each with its confidence",
    tags: ['knowledge'],
    access: tokenAccess(staff),
    query: KnowledgeSearchQuery,
    responses: { 200: jsonResponse('The matching articles; none when nothing shares a word with the question', KnowledgeSearchResult) },
    problems: [],
    async handle({ query }, _req, res) {
      const ranked = await searchArticles(deps.pool, { ...query, question: query.q });
      res.json({
        items: ranked.map(({ article, translation, score }) => ({
          id: article.id,
          version: article.version,
          locale: translation.locale,
          title: translation.title,
          body: translation.body,
          category: article.category,
          products: article.skus,
          score: score === null ? null : roundedScore(score),
          answered: article.answered,
          notAnswered: article.notAnswered,
        })),
      });
    },
  });
}

function view(article: KnowledgeArticle, latestVersion: number): z.input<typeof KnowledgeArticleView> {
  const { skus, ...rest } = article;
  return { ...rest, products: skus, latestVersion };
}

function articleRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'get',
    path: '/v1/knowledge/articles/:id',
    operationId: 'getKnowledgeArticle',
    summary: 'One article in every language it is written in: the latest version, or an earlier one as it was',
    tags: ['knowledge'],
    access: tokenAccess(staff),
    params: KnowledgeArticleParams,
    query: KnowledgeArticleQuery,
    responses: { 200: jsonResponse('The article', KnowledgeArticleView) },
    problems: ['not-found'],
    async handle({ params, query }, _req, res) {
      const latest = await findArticle(deps.pool, params.id);
      const article = query.version === undefined || query.version === latest?.version ? latest : await findArticle(deps.pool, params.id, query.version);
      if (!latest || !article) throw notFound(params.id, query.version);
      res.json(view(article, latest.version));
    },
  });
}

function feedbackRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'post',
    path: '/v1/knowledge/articles/:id/feedback',
    operationId: 'giveKnowledgeArticleFeedback',
    summary: "Counts the customer's word on an article: it answered their question, or it did not",
    tags: ['knowledge'],
    access: tokenAccess(staff),
    params: KnowledgeArticleParams,
    headers: ActionHeaders,
    body: ArticleFeedback,
    before: jsonBody(),
    responses: {
      200: jsonResponse(
        "The version's counters now",
        ArticleFeedbackAck,
        z.object({ 'Idempotent-Replayed': z.literal('true').optional().meta({ description: 'Present when the key was seen before' }) }),
      ),
    },
    problems: ['not-found', 'idempotency-key-reuse'],
    async handle({ params, headers, body }, _req, res) {
      const key = headers['Idempotency-Key'];
      const outcome = await recordArticleFeedback(deps.pool, {
        id: params.id,
        version: body.version,
        answered: body.answered,
        idempotency: key === undefined ? undefined : { caller: callerKey(callerOf(res).principal), key },
      });
      if (outcome.kind === 'not-found') throw notFound(params.id, body.version);
      if (outcome.kind === 'key-reused') {
        throw new HttpProblem('idempotency-key-reuse', `Idempotency-Key ${key} was used with other feedback`, { idempotencyKey: key });
      }
      if (outcome.kind === 'replayed') res.set('Idempotent-Replayed', 'true');
      const { id, version, answered, notAnswered } = outcome.article;
      res.json({ id, version, answered, notAnswered });
    },
  });
}

function publishRoute(deps: ApiDeps): Route {
  return defineRoute({
    method: 'put',
    path: '/v1/knowledge/articles/:id',
    operationId: 'publishKnowledgeArticle',
    summary:
      'Publishes an article as a whole: a new version when the content differs from the latest one, nothing when it is the same; the first version creates it',
    tags: ['knowledge'],
    access: tokenAccess(editors),
    params: KnowledgeArticleParams,
    body: KnowledgeArticlePublication,
    before: jsonBody(),
    responses: {
      201: jsonResponse(
        'The first version of a new article',
        KnowledgeArticlePublished,
        z.object({ Location: z.string().meta({ description: 'The URL of the article' }) }),
      ),
      200: jsonResponse('The new version; or, published false, the latest one, whose content this was already', KnowledgeArticlePublished),
    },
    problems: ['stale-version'],
    async handle({ params, body }, _req, res) {
      const outcome = await publishVersion(deps.pool, {
        content: { id: params.id, category: body.category, skus: body.products, translations: body.translations },
        publishedBy: callerOf(res).principal.sub,
        baseVersion: body.baseVersion,
      });
      if (outcome.kind === 'stale') {
        const latest = outcome.latestVersion;
        throw new HttpProblem(
          'stale-version',
          latest === null
            ? `article ${params.id} has no version ${body.baseVersion}: it has none yet; publish its first without baseVersion`
            : `article ${params.id} is at version ${latest} now, not ${body.baseVersion}: read it again and edit that version`,
          { articleId: params.id, baseVersion: body.baseVersion, latestVersion: latest },
        );
      }
      const { article } = outcome;
      const created = outcome.kind === 'published' && article.version === 1;
      if (created) res.status(201).location(`/v1/knowledge/articles/${article.id}`);
      res.json({ ...view(article, article.version), published: outcome.kind === 'published' });
    },
  });
}

export function knowledgeRoutes(deps: ApiDeps): Route[] {
  return [searchRoute(deps), articleRoute(deps), publishRoute(deps), feedbackRoute(deps)];
}
