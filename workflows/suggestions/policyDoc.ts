import type { Sections } from '../../scripts/docs/sections';
import type { PolicyProfile } from '../../domain/process';
import type { SuggestionPolicy } from './policy';
import { code, duration } from '../../scripts/docs/markdown';
import { keywordRuleTable } from '../../scripts/docs/policyTables/keywordRules';
import { profileTable } from '../../scripts/docs/policyTables/profiles';

/** The routing rules, first match wins, and the fallback. */
export function suggestionRoutingTable(profiles: Record<PolicyProfile, SuggestionPolicy>): string {
  const policy = profiles.standard;
  const rules = policy.routing.map((r) => ({ keywords: r.keywords, decides: [code(r.topic), code(r.queue)] }));
  const routing = keywordRuleTable(['words in the suggestion', 'topic', 'queue'], rules, [code(policy.fallback.topic), code(policy.fallback.queue)]);
  const same = JSON.stringify([profiles.standard.routing, profiles.standard.fallback]) === JSON.stringify([profiles.demo.routing, profiles.demo.fallback]);
  return `${routing}${
    same ? '' : '\n\nThe demo profile routes differently: see workflows/suggestions/policy.ts.'
  }`;
}

export function suggestionClockTable(profiles: Record<PolicyProfile, SuggestionPolicy>): string {
  return profileTable(profiles, [
    ['version a case pins', (p) => p.version],
    ['acknowledged to the customer within', (p) => duration(p.acknowledgeWithinMs)],
    ['answered within (else closed without an answer, a breach)', (p) => duration(p.answerWithinMs)],
  ]);
}

/** The suggestion policy's figures in docs/policies.md (npm run docs finds this file by the process's name). */
export function policySections(profiles: Record<PolicyProfile, SuggestionPolicy>): Sections {
  return { 'policy:suggestions-routing': suggestionRoutingTable(profiles), 'policy:suggestions-clocks': suggestionClockTable(profiles) };
}
