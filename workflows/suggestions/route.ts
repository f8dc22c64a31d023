import { firstKeywordRule } from '../lib/keywordRules';
import type { SuggestionPolicy } from './policy';
import type { SuggestionQueue } from './vocabulary';

export interface SuggestionRoute {
  topic: string;
  queue: SuggestionQueue;
}

/** The first rule with a keyword in the customer's words decides; none: the policy's fallback. */
export function routeSuggestion(text: string, policy: Pick<SuggestionPolicy, 'routing' | 'fallback'>): SuggestionRoute {
  const { topic, queue } = firstKeywordRule(text, policy.routing) ?? policy.fallback;
  return { topic, queue };
}
