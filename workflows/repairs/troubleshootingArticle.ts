import { isCancellation, log, TemporalFailure } from '@temporalio/workflow';
import type { KnowledgeMatch } from '../../activities/types';
import { knowledgeSearch } from '../lib/activities';
import type { RepairCaseInput } from './input';

/** Why the policy's fixed article was offered rather than one from the knowledge base. */
export type PolicyArticleReason =
  /** The case's policy predates the threshold: it offers what it offered then. */
  | 'not_searched'
  | 'no_match'
  | 'below_threshold'
  | 'search_failed';

/** The article a repair's troubleshooting offers, and where it came from. */
export type TroubleshootingArticle =
  | { source: 'knowledge_base'; match: KnowledgeMatch }
  | { source: 'policy'; title: string; url: string; reason: PolicyArticleReason; best?: KnowledgeMatch };

/**
 * The knowledge base's best article for the customer's own description of the fault, about this
 * product (its category, and its SKU or none), in their language, when it is confident enough;
 * else the policy's article for the category; null when there is neither, and troubleshooting is
 * skipped (docs/processes/repairs.md#troubleshooting-article).
 */
export async function troubleshootingArticle(input: RepairCaseInput): Promise<TroubleshootingArticle | null> {
  const { caseId, policy, item, customer, problem } = input;
  const threshold = policy.troubleshootingMinConfidence;
  let reason: PolicyArticleReason = 'not_searched';
  let best: KnowledgeMatch | undefined;
  if (threshold !== undefined) {
    try {
      const { matches } = await knowledgeSearch.searchKnowledge({
        question: problem,
        locale: customer.language,
        sku: item.sku,
        category: item.category,
        limit: 1,
      });
      best = matches[0];
      if (best && best.score >= threshold) return { source: 'knowledge_base', match: best };
      reason = best ? 'below_threshold' : 'no_match';
    } catch (err) {
      // A search that fails or runs out of time costs the customer a better article, not the case.
      if (!(err instanceof TemporalFailure) || isCancellation(err)) throw err;
      log.warn('knowledge search failed: offering the policy article', { caseId, error: String(err.cause ?? err) });
      reason = 'search_failed';
    }
  }
  const fixed = policy.troubleshooting[item.category];
  return fixed ? { source: 'policy', ...fixed, reason, ...(best && { best }) } : null;
}

export function articleTitle(article: TroubleshootingArticle): string {
  return article.source === 'policy' ? article.title : article.match.title;
}

/** What the timeline's `troubleshooting.offered` records: which article, which version, how sure. */
export function offeredEventData(article: TroubleshootingArticle): Record<string, unknown> {
  if (article.source === 'knowledge_base') {
    const { articleId, version, score } = article.match;
    return { article: articleTitle(article), source: article.source, articleId, version, score };
  }
  const { title, source, reason, best } = article;
  // The best match below the threshold, so the threshold can be judged against real descriptions.
  const bestMatch = best && { articleId: best.articleId, version: best.version, score: best.score };
  return { article: title, source, reason, ...(bestMatch && { bestMatch }) };
}

/** The `troubleshooting_guide` message's data: the article itself, or the policy's link. */
export function guideMessageData(article: TroubleshootingArticle): Record<string, unknown> {
  if (article.source === 'policy') return { title: article.title, url: article.url };
  const { title, body, articleId, version, locale } = article.match;
  return { title, body, articleId, version, locale };
}
