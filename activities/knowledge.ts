import type { Pool } from 'pg';
import { recordArticleFeedback, searchArticles } from '../db/knowledgeArticles';
import { roundedScore } from '../domain/knowledgeSearch';
import type { KnowledgePort } from './types';

/**
 * The knowledge base (docs/knowledge.md) as workflows read it: our own PostgreSQL, so these run as
 * local activities. The search answers with the ranking the agents' search route shows.
 */
export function createKnowledgeActivities(pool: Pool): KnowledgePort {
  return {
    async searchKnowledge({ question, locale, sku, category, limit }) {
      const ranked = await searchArticles(pool, { question, locale, sku, category, limit });
      return {
        matches: ranked.map(({ article, translation, score }) => ({
          articleId: article.id,
          version: article.version,
          category: article.category,
          locale: translation.locale,
          title: translation.title,
          body: translation.body,
          score: roundedScore(score ?? 0),
        })),
      };
    },

    async countArticleOutcome({ idempotencyKey, articleId, version, answered }) {
      // The workflow's key is the case's, so a retried count is counted once.
      const outcome = await recordArticleFeedback(pool, {
        id: articleId,
        version,
        answered,
        idempotency: { caller: 'orchestrator', key: idempotencyKey },
      });
      return { counted: outcome.kind === 'counted' || outcome.kind === 'replayed' };
    },
  };
}
