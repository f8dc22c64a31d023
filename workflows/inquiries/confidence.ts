import type { KnowledgeMatch } from '../../activities/types';
import type { InquiryPolicy } from './policy';

/**
 * The article the knowledge base may send alone, or null: the best match must reach the policy's
 * confidence and lead the runner-up by its margin. A short question fits several articles almost
 * equally ("phone" scores 0.87 and 0.84 against two of them); sending either would be a guess, so
 * it goes to a person. Matches come best first (db searchArticles).
 */
export function confidentAnswer(matches: readonly KnowledgeMatch[], rule: InquiryPolicy['automatedAnswer']): KnowledgeMatch | null {
  const [best, runnerUp] = matches;
  if (!best || best.score < rule.minConfidence) return null;
  // Scores carry four decimals; compare in those units so 0.1 is 0.1 and not 0.09999.
  const lead = Math.round((best.score - (runnerUp?.score ?? 0)) * 10_000);
  return lead >= Math.round(rule.minLead * 10_000) ? best : null;
}
