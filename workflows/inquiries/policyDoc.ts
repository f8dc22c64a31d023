import type { Sections } from '../../scripts/docs/sections';
import type { PolicyProfile } from '../../domain/process';
import type { InquiryPolicy } from './policy';
import { code, duration } from '../../scripts/docs/markdown';
import { escalationLevels, profileTable } from '../../scripts/docs/policyTables/profiles';
import { keywordRuleTable } from '../../scripts/docs/policyTables/keywordRules';

/** The topic rules, first match wins, and the fallback. */
export function inquiryTopicTable(profiles: Record<PolicyProfile, InquiryPolicy>): string {
  const policy = profiles.standard;
  const rules = policy.topics.map((r) => ({ keywords: r.keywords, decides: [code(r.topic)] }));
  return keywordRuleTable(['words in the question', 'topic'], rules, [code(policy.fallbackTopic)]);
}

export function inquiryAnswerTable(profiles: Record<PolicyProfile, InquiryPolicy>): string {
  return profileTable(profiles, [
    ['version a case pins', (p) => p.version],
    ['an article is sent alone from confidence', (p) => String(p.automatedAnswer.minConfidence)],
    ['… when it leads the runner-up by at least', (p) => String(p.automatedAnswer.minLead)],
    ['the customer says whether it helped within (silence: helped)', (p) => duration(p.confirmWithinMs)],
    ['closed without an answer when no person answered within', (p) => duration(p.closeUnansweredAfterMs)],
    ['a missed solution target escalates to', (p) => escalationLevels(p.escalation.levels)],
  ]);
}

/** The inquiry policy's figures in docs/policies.md (npm run docs finds this file by the process's name). */
export function policySections(profiles: Record<PolicyProfile, InquiryPolicy>): Sections {
  return { 'policy:inquiries-topics': inquiryTopicTable(profiles), 'policy:inquiries-answers': inquiryAnswerTable(profiles) };
}
