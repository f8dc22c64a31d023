import type { Sections } from '../../scripts/docs/sections';
import type { PolicyProfile } from '../../domain/process';
import type { ComplaintPolicy } from './policy';
import { code, codes, duration, table } from '../../scripts/docs/markdown';
import { escalationLevels, profileTable } from '../../scripts/docs/policyTables/profiles';

/** The classification rules, first match wins, and the fallback; priority and skill follow from them. */
export function complaintRuleTable(profiles: Record<PolicyProfile, ComplaintPolicy>): string {
  const rule = (policy: ComplaintPolicy, category: string, severity: ComplaintPolicy['fallback']['severity']) => [
    code(category),
    code(severity),
    code(policy.priorityBySeverity[severity]),
    code(policy.skillByCategory[category] ?? policy.defaultSkill),
  ];
  const policy = profiles.standard;
  const rows = [
    ...policy.classification.map((r) => [codes(r.keywords), ...rule(policy, r.category, r.severity)]),
    ['anything else', ...rule(policy, policy.fallback.category, policy.fallback.severity)],
  ];
  const same = JSON.stringify(profiles.standard.classification) === JSON.stringify(profiles.demo.classification);
  return `${table(['words in the subject or description', 'category', 'severity', 'priority', 'agent skill'], rows)}${
    same ? '' : '\n\nThe demo profile classifies differently: see workflows/complaints/policy.ts.'
  }`;
}

export function complaintClockTable(profiles: Record<PolicyProfile, ComplaintPolicy>): string {
  return profileTable(profiles, [
    ['version a case pins', (p) => p.version],
    ['repeat window (since the last closed complaint)', (p) => duration(p.repeatWindowMs)],
    ['escalation: time to acknowledge per level', (p) => escalationLevels(p.escalation.levels)],
    ['a major incident starts at', (p) => code(p.escalation.levels.at(-1)!.name)],
    ['and is told at once to', (p) => code(p.escalation.incidentChannel)],
  ]);
}

/** The complaint policy's figures in docs/policies.md (npm run docs finds this file by the process's name). */
export function policySections(profiles: Record<PolicyProfile, ComplaintPolicy>): Sections {
  return { 'policy:complaints-rules': complaintRuleTable(profiles), 'policy:complaints-clocks': complaintClockTable(profiles) };
}
