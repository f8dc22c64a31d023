import type { CaseStartPolicy } from '../../../config/policies/caseStartPolicy';
import type { PolicyProfile } from '../../../domain/process';
import { duration } from '../markdown';
import { profileTable } from './profiles';

/** The reconciler of case starts (config/policies/caseStartPolicy.ts) for docs/policies.md, "Case starts". */
export function caseStartTable(profiles: Record<PolicyProfile, CaseStartPolicy>): string {
  return profileTable(profiles, [
    ['version', (p) => p.version],
    ['the reconciler runs every', (p) => duration(p.everyMs)],
    ['a start not confirmed is taken as failed after', (p) => duration(p.graceMs)],
    ['cases per page, looked up at once', (p) => `${p.pageSize}, ${p.concurrency} at a time`],
  ]);
}
