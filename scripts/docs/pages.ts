import { caseStartPolicies } from '../../config/policies/caseStartPolicy';
import { feedbackPolicies } from '../../config/policies/feedbackPolicy';
import { kpiPolicies } from '../../config/policies/kpiPolicy';
import { partnerPolicies } from '../../config/policies/partnerPolicy';
import { privacyPolicies } from '../../config/policies/privacyPolicy';
import { qualityPolicies } from '../../config/policies/qualityPolicy';
import { segmentPolicies } from '../../config/policies/segmentPolicy';
import { slaPolicies } from '../../config/policies/slaPolicy';
import type { PolicyProfile } from '../../domain/process';
import { complaintPolicy } from '../../workflows/complaints/policy';
import { returnPolicy } from '../../workflows/returns/policy';
import type { Process } from '../../domain/process';
import { processes } from '../../workflows/registry';
import { codes, table } from './markdown';
import { messageSections } from './messageTables';
import { processSections } from './processPage';
import { caseStartTable } from './policyTables/caseStarts';
import { feedbackReasonTable, feedbackTable } from './policyTables/feedback';
import { kpiTable } from './policyTables/kpi';
import { partnerTable } from './policyTables/partners';
import { privacyTable } from './policyTables/privacy';
import { noticeTable, qualityTable, rubricTable } from './policyTables/quality';
import { joinWindowTable, rfmScoreTable, segmentEffectsTable, segmentRuleTable } from './policyTables/segments';
import { slaCalendarTable, slaRuleTable } from './policyTables/sla';
import type { Sections } from './sections';

/**
 * A process's figures for docs/policies.md live in its own folder, workflows/<name>/policyDoc.ts,
 * beside the policy they describe; a registered process without one fails `npm run docs` and the
 * docs test.
 */
interface PolicyDoc {
  policySections(profiles: unknown): Sections;
}

function policyDocOf(process: Process): PolicyDoc {
  // Found by the process's name, so a new process adds no line here.
  return require(`../../workflows/${process.name}/policyDoc`) as PolicyDoc;
}

/**
 * The segment policy, shared like the SLA targets, and what a segment changes across the processes
 * that read it (the return window and approval, the complaint targets, advisors first).
 */
function segmentSections(): Sections {
  const byProfile = (profile: PolicyProfile) => ({
    returns: returnPolicy.profiles[profile],
    complaints: complaintPolicy.profiles[profile],
    sla: slaPolicies[profile],
  });
  return {
    'policy:segments': segmentRuleTable(segmentPolicies),
    'policy:rfm-scores': rfmScoreTable(segmentPolicies),
    'policy:by-segment': segmentEffectsTable({ standard: byProfile('standard'), demo: byProfile('demo') }),
    'policy:one-case-per-matter': joinWindowTable(processes),
  };
}

function policySections(): Sections {
  const sections: Sections = {
    'policy:sla-rules': slaRuleTable(slaPolicies),
    'policy:sla-calendar': slaCalendarTable(slaPolicies),
    'policy:feedback': feedbackTable(feedbackPolicies),
    'policy:partners': partnerTable(partnerPolicies),
    'policy:quality': qualityTable(qualityPolicies),
    'policy:kpi': kpiTable(kpiPolicies),
    'policy:case-starts': caseStartTable(caseStartPolicies),
    'policy:privacy': privacyTable(privacyPolicies),
    ...segmentSections(),
  };
  for (const process of processes) Object.assign(sections, policyDocOf(process).policySections(process.policy.profiles));
  return sections;
}

/** What the case list's `status` filter takes: every registered process's statuses (CaseStatus). */
function statusFilter(): Sections {
  const rows = processes.map((p) => [p.title, codes(Object.keys(p.statuses))]);
  return { 'status-filter': table(['process', 'statuses'], rows) };
}

/** Every page of docs/ with generated parts, by path from the repository root, and its parts. */
export function generatedPages(): Map<string, Sections> {
  return new Map([
    ...processes.map((p): [string, Sections] => [`docs/processes/${p.name}.md`, processSections(p)]),
    ['docs/policies.md', policySections()],
    ['docs/integrators.md', statusFilter()],
    ['docs/feedback.md', { 'feedback-reasons': feedbackReasonTable() }],
    ['docs/quality.md', { 'quality-rubric': rubricTable(qualityPolicies.standard), 'quality-notices': noticeTable(qualityPolicies.standard) }],
    ['docs/notifications.md', messageSections()],
  ]);
}
