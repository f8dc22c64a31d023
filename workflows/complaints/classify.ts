import type { CasePriority } from '../../domain/case';
import { firstKeywordRule } from '../lib/keywordRules';
import type { ComplaintPolicy } from './policy';
import type { Severity } from './vocabulary';

export interface Classification {
  category: string;
  severity: Severity;
  priority: CasePriority;
  skill: string;
}

/** The first rule with a keyword in the customer's words decides; none: the policy's fallback. */
export function classifyComplaint(text: string, policy: Pick<ComplaintPolicy, 'classification' | 'fallback' | 'priorityBySeverity' | 'skillByCategory' | 'defaultSkill'>): Classification {
  const { category, severity } = firstKeywordRule(text, policy.classification) ?? policy.fallback;
  return {
    category,
    severity,
    priority: policy.priorityBySeverity[severity],
    skill: policy.skillByCategory[category] ?? policy.defaultSkill,
  };
}
