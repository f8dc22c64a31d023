import type { CasePriority } from '../../domain/case';
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
  const words = text.toLowerCase();
  const rule = policy.classification.find((r) => r.keywords.some((k) => words.includes(k.toLowerCase())));
  const { category, severity } = rule ?? policy.fallback;
  return {
    category,
    severity,
    priority: policy.priorityBySeverity[severity],
    skill: policy.skillByCategory[category] ?? policy.defaultSkill,
  };
}
