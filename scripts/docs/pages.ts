import { slaPolicies } from '../../config/policies/slaPolicy';
import { processes, type RegisteredProcess } from '../../workflows/registry';
import { codes, table } from './markdown';
import { processSections } from './processPage';
import { complaintClockTable, complaintRuleTable } from './policyTables/complaints';
import { repairCategoryTable, repairClockTable } from './policyTables/repairs';
import { returnPolicyTable } from './policyTables/returns';
import { slaCalendarTable, slaRuleTable } from './policyTables/sla';
import type { Sections } from './sections';

/** Each process's policy figures in docs/policies.md; a process without tables does not typecheck. */
const policyTables: { [P in RegisteredProcess as P['name']]: (profiles: P['policy']['profiles']) => Sections } = {
  returns: (profiles) => ({ 'policy:returns': returnPolicyTable(profiles) }),
  repairs: (profiles) => ({ 'policy:repairs-categories': repairCategoryTable(profiles), 'policy:repairs-clocks': repairClockTable(profiles) }),
  complaints: (profiles) => ({
    'policy:complaints-rules': complaintRuleTable(profiles),
    'policy:complaints-clocks': complaintClockTable(profiles),
  }),
};

function policySections(): Sections {
  const sections: Sections = {
    'policy:sla-rules': slaRuleTable(slaPolicies),
    'policy:sla-calendar': slaCalendarTable(slaPolicies),
  };
  for (const process of processes) {
    // Each name's tables take that process's profiles; TypeScript cannot follow the pairing here.
    const render = policyTables[process.name] as (profiles: unknown) => Sections;
    Object.assign(sections, render(process.policy.profiles));
  }
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
  ]);
}
