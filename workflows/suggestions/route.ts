import type { SuggestionPolicy } from './policy';
import type { SuggestionQueue } from './vocabulary';

export interface SuggestionRoute {
  topic: string;
  queue: SuggestionQueue;
}

/** The first rule with a keyword in the customer's words decides; none: the policy's fallback. */
export function routeSuggestion(text: string, policy: Pick<SuggestionPolicy, 'routing' | 'fallback'>): SuggestionRoute {
  const words = text.toLowerCase();
  const rule = policy.routing.find((r) => r.keywords.some((k) => words.includes(k.toLowerCase())));
  const { topic, queue } = rule ?? policy.fallback;
  return { topic, queue };
}
