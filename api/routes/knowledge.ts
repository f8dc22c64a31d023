import { z } from 'zod';
import { roundedScore } from '../../domain/knowledgeSearch';
import { findArticle, type KnowledgeArticle, recordArticleFeedback, searchArticles } from '../../db/knowledgeArticles';
import { callerOf, staff, tokenAccess } from '../auth/access';
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
  KnowledgeArticleQuery,
  KnowledgeArticleView,
  KnowledgeSearchQuery,
  KnowledgeSearchResult,
} from '../schemas/knowledge';

/**
 * The knowledge base (docs/knowledge.md): agents and the console search it with a customer's
 * question, read an article, and record whether it answered the question. Customers get its
 * answers through their case, not these routes.
 */

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

export function knowledgeRoutes(deps: ApiDeps): Route[] {
  return [searchRoute(deps), articleRoute(deps), feedbackRoute(deps)];
}
